using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AlaSpark.Catalog;

namespace AlaSpark.PackageTests;

/// <summary>
/// The packages as a user meets them: a fresh console project with one PackageReference, a pipeline
/// written with attributes, built and run as real processes; the result read with the installed tool.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public class ConsumerTests(PackageFeed feed)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private const string Pipeline = """
        using AlaSpark;

        namespace ShopJobs;

        public sealed record Order(
            int OrderId,
            string CustomerEmail,
            [Decimal(10, 2)] decimal Amount,
            DateTime OrderedAt);

        [Pipeline("orders_to_cooked")]
        [CsvSource("raw__shop", "orders", Schema = typeof(Order))]
        [Processor(typeof(HashColumn), "customer_email")]
        [Processor(typeof(AddPartition), "order_date", "ordered_at")]
        [Processor(typeof(DropDuplicates), new[] { "order_id" })]
        [DeltaSink("cooked__shop", "orders", PartitionBy = new[] { "order_date" }, Mode = WriteMode.Overwrite)]
        public partial class OrdersPipeline;
        """;

    // Order 2 twice (one is dropped) and a row whose order_id is not a number (quarantined).
    private const string Orders = """
        order_id,customer_email,amount,ordered_at
        1,ana@example.com,12.50,2024-03-01 09:15:00
        2,ben@example.com,7.25,2024-03-01 17:40:00
        3,ana@example.com,30.00,2024-03-02 08:05:00
        2,ben@example.com,7.25,2024-03-01 17:40:00
        three,cy@example.com,1.00,2024-03-02 10:00:00
        """;

    [Fact]
    public async Task A_console_project_with_one_PackageReference_builds_and_runs_an_attributed_pipeline()
    {
        var project = Path.Combine(feed.Work, "ShopJobs");
        var lake = Path.Combine(feed.Work, "lake");
        (await Dotnet(feed.Work, "new", "console", "--name", "ShopJobs", "--output", project, "--framework", "net10.0")).Succeeded();
        (await Dotnet(project, "add", "package", "AlaSpark", "--version", feed.Version)).Succeeded();
        var reference = Assert.Single(XDocument.Load(Path.Combine(project, "ShopJobs.csproj")).Descendants("PackageReference"));
        Assert.Equal(("AlaSpark", feed.Version), ((string?)reference.Attribute("Include"), (string?)reference.Attribute("Version")));
        File.WriteAllText(Path.Combine(project, "Program.cs"), "using AlaSpark;\n\nreturn await AlaSparkApp.RunAsync(args);\n");
        File.WriteAllText(Path.Combine(project, "OrdersPipeline.cs"), Pipeline);
        RegisterRawOrders(lake);

        var build = (await Dotnet(project, "build", "--disable-build-servers", "-p:EmitCompilerGeneratedFiles=true", "-tl:off", "-nologo")).Succeeded();
        Assert.True(build.Out.Contains(" 0 Warning(s)", StringComparison.Ordinal), build.ToString());
        // The generator ran in the consumer's build: the compiler found it under analyzers/dotnet/cs.
        var generated = Directory.GetFiles(Path.Combine(project, "obj"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}AlaSpark.Generators{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Contains(generated, f => File.ReadAllText(f).Contains("partial class OrdersPipeline : global::AlaSpark.IPipeline", StringComparison.Ordinal));

        var list = (await Dotnet(project, "run", "--no-build", "--", "list")).Succeeded();
        Assert.Equal("orders_to_cooked\traw__shop.orders -> cooked__shop.orders", list.Out.Trim());

        var run = (await Dotnet(project, "run", "--no-build", "--", "run", "orders_to_cooked", "--lake", lake)).Succeeded();
        Assert.Contains("Pipeline orders_to_cooked succeeded", run.Out);
        Assert.Contains("quarantined: 1 malformed rows", run.Out);
        Assert.Contains("written:     cooked__shop.orders: 3 rows", run.Out);

        var table = Path.Combine(lake, "cooked__shop", "orders");
        Assert.True(Directory.Exists(Path.Combine(table, "_delta_log")), run.ToString());
        var rows = JsonLines((await Tool(feed.Work, "read", "--format", "delta", table, "--json")).Out)
            .OrderBy(r => r.GetProperty("order_id").GetInt32())
            .Select(r => (
                r.GetProperty("order_id").GetInt32(),
                r.GetProperty("customer_email").GetString(),
                r.GetProperty("amount").GetDecimal(),
                r.GetProperty("ordered_at").GetString(),
                r.GetProperty("order_date").GetString()));
        Assert.Equal(
            [
                (1, Sha256("ana@example.com"), 12.50m, "2024-03-01 09:15:00", "2024-03-01"),
                (2, Sha256("ben@example.com"), 7.25m, "2024-03-01 17:40:00", "2024-03-01"),
                (3, Sha256("ana@example.com"), 30.00m, "2024-03-02 08:05:00", "2024-03-02"),
            ],
            rows);

        // The run registered the table in the lake's catalog, where the tool's SQL finds it.
        var count = await Tool(feed.Work, "sql", "SELECT order_date, count(*) AS n FROM cooked__shop.orders GROUP BY order_date ORDER BY order_date", "--lake", lake, "--json");
        Assert.Equal(["{\"order_date\":\"2024-03-01\",\"n\":2}", "{\"order_date\":\"2024-03-02\",\"n\":1}"], Lines(count.Out));
    }

    // Line 5 names the pipeline in PascalCase (ALS1001), line 6 a table with a capital (ALS1003).
    private const string PipelineWithViolations = """
        using AlaSpark;

        public sealed record Order(int OrderId, string CustomerEmail);

        [Pipeline("OrdersToCooked")]
        [CsvSource("raw__shop", "Orders", Schema = typeof(Order))]
        [DeltaSink("cooked__shop", "orders")]
        public partial class OrdersPipeline;
        """;

    [Fact]
    public async Task The_analyzers_report_violations_with_file_and_line_and_honour_editorconfig_severities()
    {
        var project = Path.Combine(feed.Work, "BadJobs");
        (await Dotnet(feed.Work, "new", "console", "--name", "BadJobs", "--output", project, "--framework", "net10.0")).Succeeded();
        (await Dotnet(project, "add", "package", "AlaSpark", "--version", feed.Version)).Succeeded();
        File.WriteAllText(Path.Combine(project, "Program.cs"), "using AlaSpark;\n\nreturn await AlaSparkApp.RunAsync(args);\n");
        var file = Path.Combine(project, "OrdersPipeline.cs");
        File.WriteAllText(file, PipelineWithViolations);

        // Warnings by default: the build succeeds and names each id at its file and line.
        var warned = (await Dotnet(project, "build", "--disable-build-servers", "-tl:off", "-nologo")).Succeeded();
        Assert.Matches($@"{Regex.Escape(file)}\(5,\d+\): warning ALS1001:", warned.Out);
        Assert.Matches($@"{Regex.Escape(file)}\(6,\d+\): warning ALS1003:", warned.Out);

        // .editorconfig raises ALS1003 to an error: the build fails on it, ALS1001 stays a warning.
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.ALS1003.severity = error\n");
        var failed = await Dotnet(project, "build", "--disable-build-servers", "-tl:off", "-nologo");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Matches($@"{Regex.Escape(file)}\(6,\d+\): error ALS1003:", failed.Out);
        Assert.Matches($@"{Regex.Escape(file)}\(5,\d+\): warning ALS1001:", failed.Out);
    }

    [Fact]
    public async Task The_tool_installs_from_the_feed_and_runs_as_alaspark()
    {
        var help = await Tool(feed.Work, "--help");
        Assert.Contains("alaspark [command] [options]", help.Out);
        foreach (var command in new[] { "sql", "read", "tables", "history", "copy" })
            Assert.Contains($"  {command} ", help.Out);

        var sql = await Tool(feed.Work, "sql", "SELECT 1 + 1 AS two", "--json");
        Assert.Equal(["{\"two\":2}"], Lines(sql.Out));
    }

    /// <summary>
    /// The raw table the pipeline reads, as an ingestion job would have left it: CSV files and a
    /// catalog entry with their location. The entry has no schema; the pipeline's <c>Schema</c> gives it.
    /// </summary>
    private static void RegisterRawOrders(string lake)
    {
        var location = Path.Combine(lake, "raw__shop", "orders");
        Directory.CreateDirectory(location);
        File.WriteAllText(Path.Combine(location, "orders.csv"), Orders);
        var catalog = LocalCatalog.Open(lake);
        catalog.CreateDatabaseIfNotExists("raw__shop");
        catalog.CreateOrUpdateTable(new CatalogTable("raw__shop", "orders", location, "csv", properties: [new("header", "true")]));
    }

    private static Task<ProcessResult> Dotnet(string workingDirectory, params string[] args) =>
        ChildProcess.Dotnet(workingDirectory, StepTimeout, args);

    private async Task<ProcessResult> Tool(string workingDirectory, params string[] args) =>
        (await ChildProcess.Run(await feed.Tool, workingDirectory, StepTimeout, args)).Succeeded();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<JsonElement> JsonLines(string text) => Lines(text).Select(l => JsonDocument.Parse(l).RootElement.Clone());

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
