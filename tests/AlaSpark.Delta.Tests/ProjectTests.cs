namespace AlaSpark.Delta.Tests;

public class ProjectTests
{
    [Fact]
    public void Delta_errors_are_AlaSpark_errors() =>
        Assert.IsAssignableFrom<AlaSparkException>(new DeltaException("x"));
}
