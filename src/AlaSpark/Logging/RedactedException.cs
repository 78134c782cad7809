namespace AlaSpark.Logging;

/// <summary>
/// Stands in for a logged exception once secrets are removed: its <see cref="Exception.Message"/> and
/// <see cref="ToString"/> are the original's, redacted and captured once, so a formatter that reads
/// either (console <c>{Exception}</c>, CLEF <c>@x</c>) sees no secret. The original type name, inner
/// exceptions and stack trace stay in the text.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(string message, string text, string originalType) : base(message)
    {
        _text = text;
        OriginalType = originalType;
    }

    /// <summary>The full name of the exception type that was logged.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => null;

    public static RedactedException From(Exception exception, SecretRedactor redactor)
    {
        var type = exception.GetType().FullName ?? exception.GetType().Name;
        var message = Describe(() => exception.Message, type);
        var text = Describe(exception.ToString, type + ": " + message);
        return new RedactedException(redactor.Redact(message), redactor.Redact(text), type);
    }

    public override string ToString() => _text;

    // An exception whose Message or ToString throws must still be logged, without its unreadable text.
    private static string Describe(Func<string> read, string fallback)
    {
        try
        {
            return read() ?? fallback;
        }
        catch (Exception)
        {
            return fallback;
        }
    }
}
