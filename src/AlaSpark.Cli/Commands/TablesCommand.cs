using System.CommandLine;
using AlaSpark.Catalog;
using AlaSpark.Types;

namespace AlaSpark.Cli.Commands;

/// <summary><c>alaspark tables</c>: lists the lake's catalog tables.</summary>
internal static class TablesCommand
{
    /// <summary>The columns of the listing (also the JSON keys).</summary>
    public static readonly StructType Schema = new(
        new StructField("database", StringType.Instance, false),
        new StructField("table", StringType.Instance, false),
        new StructField("format", StringType.Instance, false),
        new StructField("location", StringType.Instance, false),
        new StructField("partition_columns", new ArrayType(StringType.Instance), false),
        new StructField("updated_time", TimestampType.Instance, false));

    public static Command Create(CliContext context)
    {
        var lake = CommonOptions.Lake("The lake whose catalog to list.");
        var json = CommonOptions.Json();
        var command = new Command("tables", "List the catalog's tables: database, table, format, location, partition columns, updated time (UTC).") { lake, json };
        command.SetAction(result => Run(context, CommonOptions.ResolveLake(result, lake, context.Environment), result.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, (string Path, bool Explicit) lake, bool json)
    {
        if (!Directory.Exists(lake.Path))
            throw new ConfigurationException(
                $"The lake folder '{lake.Path}' does not exist{(lake.Explicit ? "" : " (the default, ./lakehouse)")}. Pass --lake DIR, the folder that holds _catalog/.");
        var tables = new List<CatalogTable>();
        if (File.Exists(CommonOptions.CatalogFile(lake.Path)))
            tables.AddRange(LocalCatalog.Open(lake.Path).ListTables());
        else
            context.Stderr.WriteLine($"The lake '{lake.Path}' has no catalog yet ({CommonOptions.CatalogFile(lake.Path)} does not exist): no tables.");
        var rows = tables.Select(t => new Row(Schema, [
            t.Database, t.Name, t.Format, t.Location, t.PartitionColumns.Cast<object?>().ToList(), t.UpdatedTime.UtcDateTime,
        ])).ToList();
        Output.WriteRows(context.Stdout, Schema, rows, json);
        return ExitCodes.Success;
    }
}
