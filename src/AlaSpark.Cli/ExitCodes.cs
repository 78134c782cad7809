namespace AlaSpark.Cli;

/// <summary>The process exit codes of <c>alaspark</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The query or read failed (or something unexpected happened).</summary>
    public const int Failure = 1;

    /// <summary>Usage or configuration error: unknown command or option, missing argument, bad
    /// <c>--option</c> syntax, bad <c>--schema</c> DDL, a lake folder that does not exist.</summary>
    public const int Usage = 2;
}
