using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using AlaSpark.Cli.Commands;

namespace AlaSpark.Cli;

/// <summary>
/// The <c>alaspark</c> tool: parses the command line, runs a command, and maps what happened to an
/// exit code (<see cref="ExitCodes"/>). Results go to stdout; messages go to stderr.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the tool as a process would: current directory and environment of this process.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, CliEnvironment.FromProcess());

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(stdout, stderr, environment);
        try
        {
            var root = CreateRootCommand(context);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
                return UsageError(stderr, parsed);
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (ConfigurationException e)
        {
            WriteError(stderr, e, environment);
            return ExitCodes.Usage;
        }
        catch (AlaSparkException e)
        {
            WriteError(stderr, e, environment);
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            if (environment.Debug) stderr.WriteLine(e.ToString());
            else stderr.WriteLine($"This is unexpected. Set {CliEnvironment.DebugVariable}=1 to print the stack trace.");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command tree. The root is a plain command named <c>alaspark</c> (a
    /// <see cref="RootCommand"/> would take the assembly's name, AlaSpark.Cli, for help and errors).</summary>
    internal static Command CreateRootCommand(CliContext context) =>
        new("alaspark", "Query catalog tables with Spark SQL, read CSV, JSON and Parquet files and Delta tables, show a Delta table's history, copy files or a Delta table into a Delta table, list the catalog's tables.")
        {
            new HelpOption(),
            new VersionOption(),
            SqlCommand.Create(context),
            ReadCommand.Create(context),
            TablesCommand.Create(context),
            HistoryCommand.Create(context),
            CopyCommand.Create(context),
        };

    private static int UsageError(TextWriter stderr, ParseResult parsed)
    {
        foreach (var error in parsed.Errors) stderr.WriteLine($"error: {error.Message}");
        stderr.WriteLine($"Run '{CommandPath(parsed.CommandResult)} --help' for usage.");
        return ExitCodes.Usage;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = r.Parent)
            names.Insert(0, c.Command.Name);
        return string.Join(' ', names);
    }

    private static void WriteError(TextWriter stderr, Exception e, CliEnvironment environment)
    {
        stderr.WriteLine($"error: {e.Message}");
        if (environment.Debug) stderr.WriteLine(e.ToString());
    }
}
