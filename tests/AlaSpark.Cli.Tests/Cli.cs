namespace AlaSpark.Cli.Tests;

/// <summary>What one run of the tool printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The non-empty lines of stdout.</summary>
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the tool in process, with its own current directory and environment.</summary>
public static class Cli
{
    public static CliResult Run(string currentDirectory, params string[] args) =>
        Run(currentDirectory, new Dictionary<string, string>(), args);

    public static CliResult Run(string currentDirectory, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, stdout, stderr, new CliEnvironment(currentDirectory, name => variables.GetValueOrDefault(name)));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
