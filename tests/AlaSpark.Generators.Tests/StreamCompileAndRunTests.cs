namespace AlaSpark.Generators.Tests;

/// <summary>
/// A stream pipeline written with attributes (<c>CsvStreamSource</c> over a folder, <c>DeltaStreamSink</c>), compiled
/// with its generated code against the real assemblies and run twice as a job: the second run reads only the file
/// added since the first.
/// </summary>
public class StreamCompileAndRunTests
{
    private const string Job = """
        using AlaSpark;

        namespace Landing;

        public sealed record Reading(string SensorId, double Value, DateTime ReadAt);

        [Pipeline("readings_stream")]
        [CsvStreamSource("raw__plant", "readings", Schema = typeof(Reading), Path = "{{ landing }}")]
        [Processor(typeof(AddSourceFilename), "file")]
        [Processor(typeof(AddPartition), "read_date", "read_at")]
        [DeltaStreamSink("cooked__plant", "readings", PartitionBy = new[] { "read_date" }, MergeSchema = true, Trigger = "available-now")]
        public partial class ReadingsStream;
        """;

    [Fact]
    public void A_stream_pipeline_written_with_attributes_reads_each_file_of_its_folder_once()
    {
        var (_, output, diagnostics) = TestCompilation.Run(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, Job));
        Assert.Empty(diagnostics);
        var assembly = TempLake.Load(output);
        var pipeline = Assert.IsAssignableFrom<IPipeline>(Activator.CreateInstance(assembly.GetType("Landing.ReadingsStream", throwOnError: true)!));
        Assert.True(pipeline.Description.Source.IsStream);

        using var lake = new TempLake();
        var landing = Path.Combine(lake.Root, "landing");
        Directory.CreateDirectory(landing);
        var config = Path.Combine(lake.Root, "job.toml");
        File.WriteAllText(config, $"landing = '{landing}'\n");
        File.WriteAllText(Path.Combine(landing, "a.csv"), "sensor_id,value,read_at\ns1,1.5,2024-03-01 10:00:00\ns2,2.5,2024-03-02 10:00:00\n");

        string Run()
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exitCode = AlaSparkApp.Run(["run", "readings_stream", "--lake", lake.Lake, "--config", config],
                new AlaSparkAppOptions { Pipelines = [pipeline], Out = stdout, Error = stderr });
            Assert.True(exitCode == 0, stdout + "\n" + stderr);
            return stdout.ToString();
        }

        List<string> Rows()
        {
            using var session = lake.Open();
            return session.Table("cooked__plant.readings").Select("sensor_id", "file", "read_date").Collect()
                .Select(r => string.Join("|", r.Values.Select(ValueFormatter.Format))).Order(StringComparer.Ordinal).ToList();
        }

        Assert.Contains("read:        raw__plant.readings: 2 rows from 1 file(s)", Run());
        Assert.Equal(["s1|a.csv|2024-03-01", "s2|a.csv|2024-03-02"], Rows());
        Assert.True(Directory.Exists(Path.Combine(lake.Lake, "_checkpoints", "readings_stream", "cooked__plant", "readings")));

        File.WriteAllText(Path.Combine(landing, "b.csv"), "sensor_id,value,read_at\ns3,3.5,2024-03-02 11:00:00\n");
        var second = Run();
        Assert.Contains("read:        raw__plant.readings: 1 rows from 1 file(s)", second);
        Assert.Contains("written:     cooked__plant.readings: 1 rows in 1 file(s), 1 partition(s) by read_date, version 1", second);
        Assert.Equal(["s1|a.csv|2024-03-01", "s2|a.csv|2024-03-02", "s3|b.csv|2024-03-02"], Rows());

        Assert.Contains("nothing new", Run());
        Assert.Equal(3, Rows().Count);
    }
}
