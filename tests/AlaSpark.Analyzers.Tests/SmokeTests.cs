using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

public class SmokeTests
{
    [Fact]
    public Task Table_name()
    {
        return Verify.AnalyzerAsync("""
            [Pipeline("p")]
            [CsvSource("raw__a", {|ALS1003:"WebEvents"|})]
            [DeltaSink("cooked__a", "b")]
            public partial class P;
            """);
    }
}
