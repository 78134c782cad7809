namespace AlaSpark.Cli;

/// <summary>What the tool reads from its process: the current directory (relative paths and the
/// default lake are taken from it) and environment variables. Tests pass their own.</summary>
internal sealed record CliEnvironment(string CurrentDirectory, Func<string, string?> GetVariable)
{
    /// <summary>The environment variable that makes errors print their stack trace.</summary>
    public const string DebugVariable = "ALASPARK_DEBUG";

    public static CliEnvironment FromProcess() => new(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);

    /// <summary>True when <c>ALASPARK_DEBUG</c> is set to <c>1</c> or <c>true</c>.</summary>
    public bool Debug => GetVariable(DebugVariable) is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>A path from the command line, made absolute against the current directory
    /// (URIs such as <c>file:///...</c> are left as they are).</summary>
    public string FullPath(string path) => path.Contains("://", StringComparison.Ordinal) ? path : Path.GetFullPath(path, CurrentDirectory);
}

/// <summary>What every command's action gets: the output streams and the environment.</summary>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, CliEnvironment Environment);
