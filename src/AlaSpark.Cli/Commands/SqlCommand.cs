using System.CommandLine;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Plan;
using AlaSpark.Sql;

namespace AlaSpark.Cli.Commands;

/// <summary><c>alaspark sql "&lt;query&gt;"</c>: one Spark SQL SELECT over the lake's catalog tables.</summary>
internal static class SqlCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string>("query")
        {
            Description = "One Spark SQL SELECT; tables are addressed as database.table (see docs/sql.md). Without FROM it evaluates expressions.",
        };
        var lake = CommonOptions.Lake("The lake whose catalog the query reads.");
        var json = CommonOptions.Json();
        var command = new Command("sql", "Run a Spark SQL SELECT over catalog tables and print the rows.") { query, lake, json };
        command.SetAction(result => Run(
            context, result.GetRequiredValue(query), CommonOptions.ResolveLake(result, lake, context.Environment), result.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string query, (string Path, bool Explicit) lake, bool json)
    {
        if (query.Trim().Length == 0) throw new ConfigurationException("The query is empty: pass one SELECT, e.g. alaspark sql \"SELECT 1 + 1\".");

        // Parse first: a query outside the subset fails here with the parser's message, and the
        // tables it reads are known before a lake is opened.
        var plan = SparkSqlParser.ParseQuery(query);
        var tables = PlanPrinter.Walk(plan).OfType<Read>().Where(r => r.TableName is not null).ToList();

        var catalogFile = CommonOptions.CatalogFile(lake.Path);
        var hasCatalog = File.Exists(catalogFile);
        if (!hasCatalog && tables.Count > 0)
        {
            var names = string.Join(", ", tables.Select(t => t.TableName).Distinct(StringComparer.OrdinalIgnoreCase));
            throw new ConfigurationException(Directory.Exists(lake.Path)
                ? $"The query reads {names}, but the lake '{lake.Path}' has no catalog ({catalogFile} does not exist). Pass --lake DIR, the folder that holds _catalog/."
                : $"The query reads {names}, but the lake folder '{lake.Path}' does not exist{(lake.Explicit ? "" : " (the default, ./lakehouse)")}. Pass --lake DIR, the folder that holds _catalog/.");
        }

        // A query without tables needs no lake: it runs in an empty temporary one, so nothing is
        // created where there was no lake.
        using var temp = hasCatalog ? null : new TempLake();
        using var session = LocalSession.Create(new SessionOptions { LakeRoot = temp?.Root ?? lake.Path });
        var frame = session.Sql(query);
        var rows = frame.Collect();
        var schema = rows.Count > 0 ? rows[0].Schema : frame.Schema;
        Output.WriteRows(context.Stdout, schema, rows, json);
        foreach (var read in tables.DistinctBy(t => t.TableName, StringComparer.OrdinalIgnoreCase))
            Output.WriteScanNote(context.Stderr, read.TableName!, session.Engine.GetScanReport(read));
        return ExitCodes.Success;
    }
}
