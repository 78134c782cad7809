using AlaSpark.Naming;

namespace AlaSpark.Tests.Naming;

public class LayerOrderTests
{
    [Theory]
    [InlineData("raw__web", "cooked__web")]
    [InlineData("raw__web", "served__web")]
    [InlineData("cooked__web", "cooked__sessions")]
    [InlineData("served__a", "served__b")]
    public void Data_flowing_forward_or_within_a_layer_is_valid(string source, string sink)
    {
        var check = NamingRules.CheckLayerOrder(source, sink);

        Assert.True(check.IsValid, check.Message);
        Assert.True(check.IsComparable);
        Assert.False(check.FlowsBackward);
        Assert.Null(check.Message);
    }

    [Theory]
    [InlineData("cooked__web", "raw__web")]
    [InlineData("served__web", "cooked__web")]
    [InlineData("served__web", "raw__web")]
    public void Data_flowing_backward_is_reported(string source, string sink)
    {
        var check = NamingRules.CheckLayerOrder(source, sink);

        Assert.False(check.IsValid);
        Assert.True(check.FlowsBackward);
        Assert.Contains($"'{source}'", check.Message);
        Assert.Contains($"'{sink}'", check.Message);
        Assert.Contains("raw -> cooked -> served", check.Message);
    }

    [Fact]
    public void The_order_is_the_configured_order()
    {
        var reversed = new NamingOptions(new[] { "served", "cooked", "raw" });

        Assert.True(NamingRules.CheckLayerOrder("cooked__web", "raw__web", reversed).IsValid);
        Assert.False(NamingRules.CheckLayerOrder("raw__web", "cooked__web", reversed).IsValid);
    }

    [Fact]
    public void Names_without_a_known_layer_cannot_be_compared()
    {
        var check = NamingRules.CheckLayerOrder("web_events", "cooked__web");

        Assert.False(check.IsComparable);
        Assert.False(check.IsValid);
        Assert.False(check.FlowsBackward);
        Assert.Contains("source database 'web_events'", check.Message);
    }

    [Fact]
    public void Enforcing_the_order_throws_for_backward_flow()
    {
        var error = Assert.Throws<AlaSparkException>(() => NamingStandard.EnforceLayerOrder("served__menu", "cooked__menu"));

        Assert.Contains("'served__menu'", error.Message);
        Assert.Contains("'cooked__menu'", error.Message);
        NamingStandard.EnforceLayerOrder("raw__menu", "served__menu");
    }
}
