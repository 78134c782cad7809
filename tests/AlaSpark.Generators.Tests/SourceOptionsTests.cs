using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>The source attribute's <c>Options</c> reach the generated reader call, and the result compiles.</summary>
public class SourceOptionsTests
{
    [Fact]
    public void Options_are_passed_to_ReadFrom()
    {
        var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, """
            using AlaSpark;
            public sealed record Order(string OrderId, double Amount);
            [Pipeline("orders_to_cooked")]
            [CsvSource("raw__shop", "orders", Schema = typeof(Order), Options = new[] { "sep=;", "quote='" })]
            [DeltaSink("cooked__shop", "orders")]
            public partial class OrdersPipeline;
            """);

        var (driver, output, _) = TestCompilation.Run(compilation);

        var generated = Assert.Single(driver.GetRunResult().GeneratedTrees).ToString();
        Assert.Contains("""options: new string[] { "sep=;", "quote='" }""", generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
