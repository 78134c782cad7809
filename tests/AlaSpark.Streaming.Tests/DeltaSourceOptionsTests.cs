using System.Globalization;
using System.Text.Json.Nodes;
using AlaSpark.Delta;
using AlaSpark.Logging;
using static AlaSpark.Streaming.Tests.DeltaSourceTests;

namespace AlaSpark.Streaming.Tests;

/// <summary>
/// The Delta stream's options (<c>raw__shop.orders</c> into <c>cooked__shop.orders</c>), given as a source
/// attribute's <c>Options</c> reach them (a pipeline's <c>ReadStreamFrom</c>) or as the reader's properties.
/// </summary>
public sealed class DeltaSourceOptionsTests
{
    private const string Table = "raw__shop.orders";
    private const string OptionList = "startingVersion, startingTimestamp, ignoreDeletes, skipChangeCommits, maxFilesPerTrigger";
    private static readonly DateTimeOffset Ten = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Streams the table to its end (available-now): through a pipeline given <paramref name="options"/>, or with <paramref name="properties"/> set.</summary>
    private static void Stream(StreamLake lake, bool pipeline, string[] options, Action<DeltaStreamReader> properties)
    {
        if (pipeline)
            new PipelineDefinition("orders_stream")
                .ReadStreamFrom<DeltaStreamReader>("raw__shop", "orders", options: options)
                .WriteStreamTo<DeltaStreamWriter>("cooked__shop", "orders")
                .Run(new PipelineContext(lake.Session, PipelineLog.None));
        else
            Run(lake, properties);
    }

    /// <summary>The target's ids, none when the stream has not created it.</summary>
    private static List<int> TargetIds(StreamLake lake) => lake.Session.Catalog.TryGetTable("cooked__shop", "orders", out _) ? Ids(lake) : [];

    /// <summary>The number of commits of the target (one a micro-batch).</summary>
    private static int TargetCommits(StreamLake lake) => DeltaTable.ForPath(lake.Session.Catalog.GetTable("cooked__shop", "orders").Location).History().Count;

    /// <summary>Versions 0, 1, 2 of the source hold ids 1, 2, 3, committed at 10:00, 10:10 and 10:20 on 2026-01-01 (UTC).</summary>
    private static void ThreeTimedVersions(StreamLake lake)
    {
        for (var id = 1; id <= 3; id++) Append(lake, id);
        for (var version = 0; version < 3; version++)
            File.SetLastWriteTimeUtc(Path.Combine(SourcePath(lake), "_delta_log", $"{version:D20}.json"), Ten.AddMinutes(10 * version).UtcDateTime);
    }

    private static AlaSparkException Refused(StreamLake lake, params (string Key, string Value)[] options) =>
        Assert.ThrowsAny<AlaSparkException>(() => Run(lake, r =>
        {
            foreach (var (key, value) in options) r.Options[key] = value;
        }));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StartingVersion_AndMaxFilesPerTrigger(bool pipeline)
    {
        using var lake = new StreamLake();
        for (var id = 1; id <= 4; id++) Append(lake, id);

        Stream(lake, pipeline, ["startingVersion=1", "maxFilesPerTrigger=2"], r =>
        {
            r.StartingVersion = 1;
            r.MaxFilesPerTrigger = 2;
        });

        Assert.Equal([2, 3, 4], Ids(lake));
        Assert.Equal(2, TargetCommits(lake)); // versions 1 and 2, then version 3
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StartingVersionLatest_ReadsOnlyTheVersionsCommittedAfterTheQueryFirstStarted_AcrossRestarts(bool pipeline)
    {
        using var lake = new StreamLake();
        Append(lake, 1);
        Append(lake, 2);
        void Latest() => Stream(lake, pipeline, ["startingVersion=latest"], r => r.StartingVersionLatest = true);

        Latest();
        Assert.Empty(TargetIds(lake));

        // The start was decided by the first run: version 2 comes after it, though it is the latest when the query restarts.
        Append(lake, 3);
        Latest();
        Assert.Equal([3], TargetIds(lake));

        Append(lake, 4);
        Latest();
        Assert.Equal([3, 4], TargetIds(lake));
    }

    [Fact]
    public void ARecordedStartThatCantBeRead_IsAnErrorNamingTheFile()
    {
        using var lake = new StreamLake();
        Append(lake, 1);
        Run(lake, r => r.StartingVersionLatest = true);
        var start = Path.Combine(lake.CheckpointFolder, "sources", "0", "start");
        Assert.Contains("\"startingVersion\":1", File.ReadAllText(start));
        File.WriteAllText(start, "v1\n{\"from\":\"startingVersion=latest\"}\n");

        var error = Assert.ThrowsAny<AlaSparkException>(() => Run(lake, r => r.StartingVersionLatest = true));

        Assert.Contains(start, error.Message);
        Assert.Contains("no starting version", error.Message);
    }

    [Theory]
    [InlineData(true, "2026-01-01", new[] { 1, 2, 3 })] // before every commit: from the earliest version
    [InlineData(false, "2026-01-01", new[] { 1, 2, 3 })]
    [InlineData(true, "2026-01-01 10:05:00", new[] { 2, 3 })] // between commits: from the next one
    [InlineData(false, "2026-01-01 10:05:00", new[] { 2, 3 })]
    [InlineData(true, "2026-01-01T10:10:00Z", new[] { 2, 3 })] // at a commit: from it
    [InlineData(true, "2026-01-01T11:15:00.5+01:00", new[] { 3 })]
    [InlineData(false, "2026-01-01T10:20:00Z", new[] { 3 })] // at the latest commit
    public void StartingTimestamp_StartsWithTheFirstVersionCommittedAtOrAfterIt(bool pipeline, string timestamp, int[] expected)
    {
        using var lake = new StreamLake();
        ThreeTimedVersions(lake);

        Stream(lake, pipeline, [$"startingTimestamp={timestamp}"],
            r => r.StartingTimestamp = DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

        Assert.Equal(expected, Ids(lake).ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StartingTimestamp_AfterTheLatestCommit_IsAnErrorNamingTheLatestVersionAndItsTime(bool pipeline)
    {
        using var lake = new StreamLake();
        ThreeTimedVersions(lake);

        var error = Assert.ThrowsAny<AlaSparkException>(() =>
            Stream(lake, pipeline, ["startingTimestamp=2026-01-01 10:20:00.001"], r => r.StartingTimestamp = Ten.AddMinutes(20).AddMilliseconds(1)));

        Assert.Contains(Table, error.Message);
        Assert.Contains("startingTimestamp", error.Message);
        Assert.Contains("the latest version is 2, committed at 2026-01-01T10:20:00.000Z", error.Message);
        Assert.Empty(TargetIds(lake));
    }

    [Fact]
    public void ARestartAfterATimestampStart_ContinuesFromTheCheckpoint_WithoutReadingAgain()
    {
        using var lake = new StreamLake();
        ThreeTimedVersions(lake);
        void From(string timestamp) => Run(lake, r =>
        {
            r.Options["startingTimestamp"] = timestamp;
            r.Options["maxFilesPerTrigger"] = "1";
        });

        From("2026-01-01 10:05:00");
        Assert.Equal([2, 3], Ids(lake));
        var first = JsonNode.Parse(File.ReadAllLines(Path.Combine(lake.CheckpointFolder, "offsets", "0"))[2])!;
        Assert.Equal((1L, 1L, false), (first["startVersion"]!.GetValue<long>(), first["reservoirVersion"]!.GetValue<long>(), first["isStartingVersion"]!.GetValue<bool>()));

        Append(lake, 4);
        From("2026-01-01 10:05:00");
        Assert.Equal([2, 3, 4], Ids(lake));

        // Once the checkpoint knows where the stream is, the starting options are not read again (as in Spark):
        // a time after the latest commit is no error, and nothing is read twice.
        Append(lake, 5);
        From("2030-01-01");
        Assert.Equal([2, 3, 4, 5], Ids(lake));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IgnoreDeletes_AndSkipChangeCommits(bool pipeline)
    {
        using var lake = new StreamLake();
        Append(lake, 1);
        Stream(lake, pipeline, [], _ => { });
        DeleteEverything(lake);
        Append(lake, 2);

        Stream(lake, pipeline, ["ignoredeletes=true"], r => r.IgnoreDeletes = true);
        Assert.Equal([1, 2], Ids(lake));

        Overwrite(lake, 7);
        Append(lake, 8);
        Stream(lake, pipeline, ["skipChangeCommits=TRUE"], r => r.SkipChangeCommits = true);
        Assert.Equal([1, 2, 8], Ids(lake));
    }

    [Fact]
    public void AnOption_OverridesItsProperty_AndAStartingOption_ReplacesTheStartOfTheProperties()
    {
        using var lake = new StreamLake();
        ThreeTimedVersions(lake);

        Run(lake, r =>
        {
            r.StartingVersion = 0;
            r.MaxFilesPerTrigger = 1;
            r.Options["startingTimestamp"] = "2026-01-01 10:05:00";
            r.Options["maxFilesPerTrigger"] = "10";
        });

        Assert.Equal([2, 3], Ids(lake));
        Assert.Equal(1, TargetCommits(lake));
    }

    [Theory]
    [InlineData("maxBytesPerTrigger", true)]
    [InlineData("readChangeFeed", true)]
    [InlineData("startingVerison", false)]
    public void AnOptionTheDeltaStreamDoesNotTake_IsAnErrorListingTheOptionsItTakes(string option, bool sparkHasIt)
    {
        using var lake = new StreamLake();
        Append(lake, 1);

        var error = Refused(lake, (option, "1"));

        Assert.Contains($"'{option}'", error.Message);
        Assert.Contains(Table, error.Message);
        Assert.Contains(OptionList, error.Message);
        Assert.Equal(sparkHasIt, error.Message.Contains("Spark's Delta source has it", StringComparison.Ordinal));
        Assert.Empty(TargetIds(lake));
    }

    [Fact]
    public void AnUnknownOption_InAPipeline_IsAnError()
    {
        using var lake = new StreamLake();
        Append(lake, 1);

        var error = Assert.ThrowsAny<AlaSparkException>(() => Stream(lake, pipeline: true, ["maxBytesPerTrigger=1g"], _ => { }));

        Assert.Contains("'maxBytesPerTrigger'", error.Message);
        Assert.Contains(OptionList, error.Message);
    }

    [Theory]
    [InlineData("startingVersion", "-1", "a version number (0 or more) or 'latest'")]
    [InlineData("startingVersion", "first", "a version number (0 or more) or 'latest'")]
    [InlineData("startingTimestamp", "yesterday", "a date such as 2026-01-01 or a timestamp such as 2026-01-01T10:00:00Z")]
    [InlineData("startingTimestamp", "2026-13-01", "a date such as 2026-01-01")]
    [InlineData("startingTimestamp", "10:00:00", "a date such as 2026-01-01")]
    [InlineData("ignoreDeletes", "yes", "true or false")]
    [InlineData("skipChangeCommits", "1", "true or false")]
    [InlineData("maxFilesPerTrigger", "0", "a positive whole number")]
    [InlineData("maxFilesPerTrigger", "ten", "a positive whole number")]
    public void ABadValue_IsAnErrorNamingTheOptionTheValueAndWhatIsExpected(string option, string value, string expected)
    {
        using var lake = new StreamLake();
        Append(lake, 1);

        var error = Refused(lake, (option, value));

        Assert.Contains($"The stream option {option} of {Table} must be {expected}", error.Message);
        Assert.Contains($"not '{value}'", error.Message);
    }

    [Fact]
    public void BothStartingOptions_AreAnError()
    {
        using var lake = new StreamLake();
        Append(lake, 1);

        var options = Refused(lake, ("startingVersion", "0"), ("startingTimestamp", "2026-01-01"));
        var properties = Assert.ThrowsAny<AlaSparkException>(() => Run(lake, r =>
        {
            r.StartingVersion = 0;
            r.StartingTimestamp = Ten;
        }));

        Assert.Contains("[DELTA_STARTING_VERSION_AND_TIMESTAMP_BOTH_SET]", options.Message);
        Assert.Contains($"{Table} has both startingVersion (0) and startingTimestamp (2026-01-01)", options.Message);
        Assert.Contains("StartingVersion, StartingVersionLatest and StartingTimestamp; set one of them", properties.Message);
        Assert.Empty(TargetIds(lake));
    }
}
