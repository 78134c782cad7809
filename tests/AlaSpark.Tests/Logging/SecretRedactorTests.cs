using AlaSpark.Logging;

namespace AlaSpark.Tests.Logging;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("x")]
    public void ShortSecret_IsRejectedWithoutQuotingIt(string secret)
    {
        var error = Assert.Throws<ArgumentException>(() => new SecretRedactor([secret]));

        Assert.Contains("at least 4 characters", error.Message);
        Assert.DoesNotContain($"'{secret}'", error.Message);
    }

    [Fact]
    public void ShortSecret_IsRejectedByCreateLogger()
    {
        Assert.Throws<ArgumentException>(() => AlaSparkLogging.CreateLogger(new() { Console = false, Secrets = ["s3c"] }));
    }

    [Fact]
    public void WhiteSpaceSecret_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new SecretRedactor(["    "]));
    }

    [Fact]
    public void NullAndEmptySecrets_AreIgnored()
    {
        var redactor = new SecretRedactor([null, "", "secret-value"]);

        Assert.False(redactor.IsEmpty);
        Assert.Equal("a *** b", redactor.Redact("a secret-value b"));
        Assert.True(new SecretRedactor([null, ""]).IsEmpty);
    }

    [Theory]
    [InlineData("no secret here", "no secret here")]
    [InlineData("s3cr3t", "***")]
    [InlineData("xs3cr3ty", "x***y")]
    [InlineData("s3cr3ts3cr3t and s3cr3t", "*** and ***")]
    [InlineData("S3CR3T is another value", "S3CR3T is another value")]
    public void Redact_ReplacesEveryExactOccurrence(string text, string expected)
    {
        var redactor = new SecretRedactor(["s3cr3t"]);

        Assert.Equal(expected, redactor.Redact(text));
        Assert.Equal(text != expected, redactor.ContainsSecret(text));
    }

    [Fact]
    public void Redact_WithoutAMatch_ReturnsTheSameInstance()
    {
        var text = "nothing to hide";

        Assert.Same(text, new SecretRedactor(["s3cr3t"]).Redact(text));
    }

    [Fact]
    public void Redact_OverlappingSecrets_MasksTheUnion()
    {
        var redactor = new SecretRedactor(["abcd", "cdef", "wxyz"]);

        Assert.Equal("[***] [***] [ab]", redactor.Redact("[abcdef] [wxyz] [ab]"));
    }

    [Fact]
    public void Redact_SelfOverlappingOccurrences_LeaveNoFragment()
    {
        var redactor = new SecretRedactor(["abab"]);

        Assert.Equal("x*** y", redactor.Redact("xababab y"));
    }
}
