using System.Reflection;
using AlaSpark.Types;

namespace AlaSpark.Generators.Tests;

/// <summary>
/// A pipeline written with attributes, compiled with its generated code against the real assemblies,
/// run as a job on the embedded engine over a CSV file, and its Delta table read back through the
/// generated <c>OutputRow</c> by code that filters with the generated typed <c>Output</c> columns.
/// </summary>
public class CompileAndRunTests
{
    private const string Job = """
        using System.Globalization;
        using System.Linq;
        using AlaSpark;

        namespace Shop;

        public sealed record Order(long OrderId, string CustomerEmail, [Decimal(10, 2)] decimal Amount, DateTime PlacedAt, string? Coupon);

        [Pipeline("orders_to_cooked")]
        [CsvSource("raw__shop", "orders", Schema = typeof(Order), BadRecords = BadRecordsMode.Fail)]
        [Processor(typeof(FilterRows), "amount > 0")]
        [Processor(typeof(HashColumn), "customer_email")]
        [Processor(typeof(AddPartition), "order_date", "placed_at")]
        [Processor(typeof(DropDuplicates), new[] { "order_id" })]
        [Processor(typeof(WithColumn), "amount_cents", "cast(amount * 100 as bigint)")]
        [Processor(typeof(AddSourceFilename), "file")]
        [DeltaSink("cooked__shop", "orders", PartitionBy = new[] { "order_date" }, Mode = WriteMode.Overwrite)]
        public partial class OrdersPipeline;

        /// <summary>Code a user writes against the generated members.</summary>
        public static class Results
        {
            public static IReadOnlyList<string> Read(AlaSparkSession session) =>
                session.Table("cooked__shop.orders")
                    .Filter(OrdersPipeline.Output.Amount > 1m)
                    .OrderBy(OrdersPipeline.Output.OrderId)
                    .Collect<OrdersPipeline.OutputRow>()
                    .Select(r => string.Create(CultureInfo.InvariantCulture,
                        $"{r.OrderId}|{r.CustomerEmail.Length}|{r.Amount}|{r.PlacedAt:yyyy-MM-dd HH:mm:ss}|{r.Coupon ?? "-"}|{r.OrderDate:yyyy-MM-dd}|{r.AmountCents}|{r.File}"))
                    .ToList();
        }
        """;

    private const string Csv = """
        order_id,customer_email,amount,placed_at,coupon
        1,ann@example.org,10.50,2024-03-01 10:15:00,SPRING
        2,bob@example.org,0.75,2024-03-01 11:00:00,
        3,cy@example.org,99.99,2024-03-02 08:30:00,
        3,cy@example.org,99.99,2024-03-02 08:30:00,
        4,dee@example.org,-5.00,2024-03-03 09:00:00,
        """;

    [Fact]
    public void A_pipeline_written_with_attributes_runs_and_its_table_reads_back_through_OutputRow()
    {
        var (_, output, diagnostics) = TestCompilation.Run(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, Job));
        Assert.Empty(diagnostics);
        var assembly = TempLake.Load(output);
        var pipelineType = assembly.GetType("Shop.OrdersPipeline", throwOnError: true)!;
        var pipeline = Assert.IsAssignableFrom<IPipeline>(Activator.CreateInstance(pipelineType));

        using var lake = new TempLake();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = AlaSparkApp.Run(["run", "orders_to_cooked", "--lake", lake.Lake], new AlaSparkAppOptions
        {
            Pipelines = [pipeline],
            OnSessionStarted = (session, _) => lake.RegisterCsv(session, "raw__shop", "orders", RecordSchema.For(assembly.GetType("Shop.Order", throwOnError: true)!), Csv),
            DefaultConfigFile = Path.Combine(lake.Root, "no-config.toml"),
            Out = stdout,
            Error = stderr,
        });
        Assert.True(exitCode == 0, stdout + "\n" + stderr);

        using var reader = lake.Open();
        var rows = (IReadOnlyList<string>)assembly.GetType("Shop.Results", throwOnError: true)!
            .GetMethod("Read")!.Invoke(null, [reader])!;
        Assert.Equal(
            [
                "1|64|10.50|2024-03-01 10:15:00|SPRING|2024-03-01|1050|orders_0001.csv",
                "3|64|99.99|2024-03-02 08:30:00|-|2024-03-02|9999|orders_0001.csv",
            ],
            rows);
        Assert.Equal(["order_date"], reader.Catalog.GetTable("cooked__shop", "orders").PartitionColumns);

        // The generated members have the types dsl.md section 5 promises.
        var outputColumns = pipelineType.GetNestedType("Output")!;
        Assert.Equal(typeof(Column<DateOnly>), outputColumns.GetProperty("OrderDate")!.PropertyType);
        Assert.Equal(typeof(Column<decimal>), outputColumns.GetProperty("Amount")!.PropertyType);
        Assert.Equal(typeof(Column<long>), outputColumns.GetProperty("AmountCents")!.PropertyType);
        var row = pipelineType.GetNestedType("OutputRow")!.GetConstructors().Single().GetParameters();
        Assert.Equal(
            ["OrderId Int64", "CustomerEmail String", "Amount Decimal", "PlacedAt DateTime", "Coupon String", "OrderDate DateOnly", "AmountCents Nullable`1", "File String"],
            row.Select(p => p.Name + " " + p.ParameterType.Name));
        var nullability = new NullabilityInfoContext();
        Assert.Equal(NullabilityState.Nullable, nullability.Create(row.Single(p => p.Name == "Coupon")).WriteState);
        Assert.Equal(NullabilityState.NotNull, nullability.Create(row.Single(p => p.Name == "CustomerEmail")).WriteState);
    }
}
