using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WebEvents.Generator;

namespace AlaSpark.IntegrationTests;

public sealed class WebEventGeneratorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SameSeed_WritesByteIdenticalFiles_OtherSeed_DoesNot()
    {
        var options = new GenerationOptions { Rows = 3_000, Files = 3 };
        var first = WebEventGenerator.Generate(_temp.Sub("a"), options);
        var second = WebEventGenerator.Generate(_temp.Sub("b"), options);
        var other = WebEventGenerator.Generate(_temp.Sub("c"), options with { Seed = 7 });

        Assert.Equal(first.Files.Select(Path.GetFileName), second.Files.Select(Path.GetFileName));
        for (var i = 0; i < first.Files.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(first.Files[i]), File.ReadAllBytes(second.Files[i]));
            Assert.NotEqual(File.ReadAllBytes(first.Files[i]), File.ReadAllBytes(other.Files[i]));
        }
        Assert.Equal(Flatten(first.MalformedLines), Flatten(second.MalformedLines));
        Assert.Equal(first.Malformed, second.Malformed);
    }

    [Theory]
    [InlineData(10_000, 5, true)]
    [InlineData(997, 3, true)]
    [InlineData(8, 1, true)]
    [InlineData(9, 12, true)]
    [InlineData(2_500, 4, false)]
    [InlineData(0, 2, false)]
    public void Summary_MatchesWhatIsOnDisk(int rows, int files, bool malformedRows)
    {
        var summary = WebEventGenerator.Generate(_temp.Root, new GenerationOptions { Rows = rows, Files = files, MalformedRows = malformedRows });
        var data = DataSet.Read(summary.Files);

        Assert.Equal(files, summary.Files.Count);
        Assert.Equal(Enumerable.Range(1, files).Select(WebEventGenerator.FileName), summary.Files.Select(Path.GetFileName));
        Assert.All(summary.Files, f => Assert.Equal(_temp.Root, Path.GetDirectoryName(f)));
        Assert.Equal(rows, summary.TotalDataLines);
        Assert.Equal(rows, data.Records.Count);
        Assert.Equal(data.Good.Count, summary.GoodRows);
        Assert.Equal(data.Broken.Count, summary.MalformedRows);
        Assert.Equal(malformedRows ? WebEventGenerator.MalformedKinds.Count : 0, summary.MalformedRows);
        Assert.Equal(summary.GoodRows + summary.MalformedRows, summary.TotalDataLines);
        Assert.Equal(data.Good.Select(r => r.Fields[0]).Distinct(StringComparer.Ordinal).Count(), summary.DistinctEventIds);
        Assert.Equal(summary.GoodRows - summary.DistinctEventIds, summary.DuplicateRows);
        var expectedDuplicates = summary.GoodRows <= 1 ? 0 : (int)Math.Round(summary.GoodRows * 0.02, MidpointRounding.AwayFromZero);
        Assert.Equal(expectedDuplicates, summary.DuplicateRows);

        // Every file: the header, LF line ends, no byte order mark, rows split as evenly as possible.
        foreach (var file in summary.Files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.StartsWith(WebEventGenerator.Header + "\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
        var perFile = summary.Files.Select(f => data.Records.Count(r => r.File == Path.GetFileName(f))).ToList();
        Assert.True(perFile.Max() - perFile.Min() <= 1, string.Join(", ", perFile));
    }

    [Fact]
    public void MalformedLineNumbers_PointExactlyAtTheMalformedLines()
    {
        var summary = WebEventGenerator.Generate(_temp.Root, new GenerationOptions());
        var data = DataSet.Read(summary.Files);

        Assert.Equal(summary.Files.Select(Path.GetFileName), summary.MalformedLines.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, lines) in summary.MalformedLines)
        {
            var actual = data.Broken.Where(r => r.File == file).Select(r => r.Line);
            Assert.Equal(actual, lines);
        }
        Assert.Equal(
            summary.MalformedLines.SelectMany(kv => kv.Value.Select(line => (kv.Key, line))).Order(),
            summary.Malformed.Select(m => (m.File, m.Line)).Order());

        // The malformed lines are spread over the files and each is what its kind says.
        Assert.True(summary.MalformedLines.Count(kv => kv.Value.Count > 0) >= 4);
        Assert.Equal(WebEventGenerator.MalformedKinds.Order(), summary.Malformed.Select(m => m.Kind).Order());
        foreach (var malformed in summary.Malformed)
        {
            var record = data.Records.Single(r => r.File == malformed.File && r.Line == malformed.Line);
            switch (malformed.Kind)
            {
                case MalformedKind.BadTimestamp:
                    Assert.True(record.Complete);
                    Assert.Equal(6, record.Fields.Count);
                    Assert.False(DataSet.IsTime(record.Fields[4]), record.Fields[4]);
                    break;
                case MalformedKind.TooFewFields:
                    Assert.True(record.Complete);
                    Assert.InRange(record.Fields.Count, 1, 5);
                    break;
                case MalformedKind.TooManyFields:
                    Assert.True(record.Complete);
                    Assert.InRange(record.Fields.Count, 7, int.MaxValue);
                    break;
                case MalformedKind.UnterminatedQuote:
                    Assert.False(record.Complete);
                    break;
                default:
                    Assert.Fail($"Unexpected kind {malformed.Kind}.");
                    break;
            }
        }
        Assert.Equal(
            ["2026-11-31 12:00:00", "2026-13-45 25:61:00", "not-a-time"],
            summary.Malformed.Where(m => m.Kind == MalformedKind.BadTimestamp)
                .Select(m => data.Records.Single(r => r.File == m.File && r.Line == m.Line).Fields[4]).Order(StringComparer.Ordinal));
        Assert.Equal([4, 5, 7, 8], summary.Malformed.Where(m => m.Kind is MalformedKind.TooFewFields or MalformedKind.TooManyFields)
            .Select(m => data.Records.Single(r => r.File == m.File && r.Line == m.Line).Fields.Count).Order());
    }

    [Fact]
    public void UnterminatedQuote_IsTheLastLineOfItsFile_AndSwallowsNothing()
    {
        var summary = WebEventGenerator.Generate(_temp.Root, new GenerationOptions());
        var unterminated = Assert.Single(summary.Malformed, m => m.Kind == MalformedKind.UnterminatedQuote);
        var path = summary.Files.Single(f => Path.GetFileName(f) == unterminated.File);
        var physical = File.ReadAllText(path).Split('\n');

        Assert.Equal(string.Empty, physical[^1]); // the file ends with a line end
        Assert.Equal(physical.Length - 1, unterminated.Line);
        var line = physical[unterminated.Line - 1];
        Assert.Matches("^[0-9a-f-]{36},\"[^\"]+$", line);
        Assert.Equal(summary.Files.Count / 2, summary.Files.ToList().IndexOf(path)); // the middle file, not the last
    }

    [Fact]
    public void Duplicates_AreExactCopiesOfAnEarlierRow()
    {
        var summary = WebEventGenerator.Generate(_temp.Root, new GenerationOptions());
        var data = DataSet.Read(summary.Files);

        var firstById = new Dictionary<string, Record>(StringComparer.Ordinal);
        var duplicates = new List<(Record Original, Record Copy)>();
        foreach (var record in data.Good)
        {
            if (firstById.TryGetValue(record.Fields[0], out var original))
                duplicates.Add((original, record));
            else
                firstById.Add(record.Fields[0], record);
        }

        Assert.Equal(summary.DuplicateRows, duplicates.Count);
        Assert.All(duplicates, d =>
        {
            Assert.Equal(d.Original.Raw, d.Copy.Raw);
            Assert.Equal(d.Original.Fields, d.Copy.Fields);
        });
        Assert.Contains(duplicates, d => d.Original.File != d.Copy.File);
        // No malformed line reuses a good row's id.
        Assert.DoesNotContain(data.Broken, r => r.Fields.Count > 0 && firstById.ContainsKey(r.Fields[0]));
    }

    [Fact]
    public void Quoting_FollowsRfc4180_AndRoundTrips()
    {
        var summary = WebEventGenerator.Generate(_temp.Root, new GenerationOptions { MalformedRows = false });
        var data = DataSet.Read(summary.Files);

        Assert.All(data.Records, r =>
        {
            Assert.True(r.Complete);
            Assert.Equal(6, r.Fields.Count);
            // Writing the parsed fields back with minimal RFC 4180 quoting gives the line as written.
            Assert.Equal(r.Raw, string.Join(',', r.Fields.Select(Quote)));
        });
        var urls = data.Records.Select(r => r.Fields[3]).ToList();
        Assert.Contains(urls, u => u.Contains(',', StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Contains('"', StringComparison.Ordinal));
        Assert.Contains(data.Records, r => r.Raw.Contains("q=\"\"katsu\"\"", StringComparison.Ordinal));
        Assert.Contains(data.Records, r => r.Fields[5].Contains(',', StringComparison.Ordinal) && r.Fields[5].Contains(';', StringComparison.Ordinal));
    }

    [Fact]
    public void Values_LookLikeWebEvents()
    {
        var options = new GenerationOptions { Rows = 20_000, StartDate = new DateOnly(2026, 2, 27), Days = 3, MalformedRows = false };
        var summary = WebEventGenerator.Generate(_temp.Root, options);
        var data = DataSet.Read(summary.Files);
        var rows = data.Records;

        Assert.Equal(WebEventGenerator.Header, string.Join(',', WebEventGenerator.Columns));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", r.Fields[0]));
        Assert.All(rows, r => Assert.Matches(@"^[\p{Ll}]+\.[\p{Ll}]+[0-9]{1,2}@example\.com$", r.Fields[1]));
        Assert.Contains(rows, r => r.Fields[1].StartsWith("zoë.", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Fields[1].StartsWith("josé.", StringComparison.Ordinal));
        var users = rows.Select(r => r.Fields[1]).Distinct(StringComparer.Ordinal).Count();
        Assert.InRange(users, 1_000, 3_000);

        var types = rows.GroupBy(r => r.Fields[2]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(WebEventGenerator.EventTypes.Order(StringComparer.Ordinal), types.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("page_view", types.MaxBy(kv => kv.Value).Key);
        Assert.True(types["purchase"] < types["add_to_cart"] && types["add_to_cart"] < types["click"]);

        Assert.All(rows, r => Assert.StartsWith("https://shop.example.com/recipes/", r.Fields[3], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("?ref=", r.Fields[3], StringComparison.Ordinal));

        var start = new DateTime(2026, 2, 27, 0, 0, 0, DateTimeKind.Utc);
        var times = rows.Select(r => DateTime.ParseExact(r.Fields[4], WebEventGenerator.TimeFormat, CultureInfo.InvariantCulture)).ToList();
        Assert.True(times.Min() >= start && times.Max() < start.AddDays(3));
        Assert.Equal(3, times.Select(t => t.Date).Distinct().Count());

        var noAgent = rows.Count(r => r.Fields[5].Length == 0);
        Assert.InRange(noAgent, rows.Count * 3 / 100, rows.Count * 7 / 100);
        Assert.All(rows.Where(r => r.Fields[5].Length == 0), r => Assert.EndsWith(",", r.Raw, StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutMalformedRows_EveryLineIsWellFormed()
    {
        var summary = WebEventGenerator.Generate(_temp.Root, new GenerationOptions { MalformedRows = false, Rows = 5_000 });
        var data = DataSet.Read(summary.Files);

        Assert.Equal(0, summary.MalformedRows);
        Assert.Empty(summary.Malformed);
        Assert.All(summary.MalformedLines.Values, lines => Assert.Empty(lines));
        Assert.Empty(data.Broken);
        Assert.Equal(5_000, summary.GoodRows);
        Assert.Equal(100, summary.DuplicateRows);
        Assert.Equal(4_900, summary.DistinctEventIds);
    }

    [Fact]
    public void Generate_ReplacesTheFilesOfAnEarlierRun_AndLeavesOtherFilesAlone()
    {
        WebEventGenerator.Generate(_temp.Root, new GenerationOptions { Rows = 100, Files = 5 });
        File.WriteAllText(Path.Combine(_temp.Root, "web_events_notes.csv"), "x");
        File.WriteAllText(Path.Combine(_temp.Root, "other.txt"), "x");

        var summary = WebEventGenerator.Generate(_temp.Root, new GenerationOptions { Rows = 100, Files = 2 });

        Assert.Equal(
            ["other.txt", "web_events_0001.csv", "web_events_0002.csv", "web_events_notes.csv"],
            Directory.GetFiles(_temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(100, DataSet.Read(summary.Files).Records.Count);
    }

    private static readonly Dictionary<string, GenerationOptions> Invalid = new(StringComparer.Ordinal)
    {
        ["negative rows"] = new() { Rows = -1 },
        ["no files"] = new() { Files = 0 },
        ["no days"] = new() { Days = 0 },
        ["too many days"] = new() { Days = WebEventGenerator.MaxDays + 1 },
        ["past year 9999"] = new() { StartDate = new DateOnly(9999, 12, 30) },
        ["negative duplicate rate"] = new() { DuplicateRate = -0.1 },
        ["duplicate rate 1"] = new() { DuplicateRate = 1 },
        ["duplicate rate NaN"] = new() { DuplicateRate = double.NaN },
        ["too few rows for the malformed ones"] = new() { Rows = 7, MalformedRows = true },
    };

    public static TheoryData<string> InvalidCases() => [.. Invalid.Keys];

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void InvalidOptions_AreRejectedBeforeAnythingIsWritten(string name)
    {
        var options = Invalid[name];
        var folder = Path.Combine(_temp.Root, "never");
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => WebEventGenerator.Generate(folder, options));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void ShippedDataSet_IsExactlyWhatTheDefaultsGenerate()
    {
        var shipped = Path.Combine(RepositoryRoot(), "samples", "WebEvents", "data", "raw", "web_events");
        var summary = WebEventGenerator.Generate(_temp.Root, new GenerationOptions());

        Assert.Equal(
            summary.Files.Select(Path.GetFileName).Append("_README.md").Order(StringComparer.Ordinal),
            Directory.GetFiles(shipped).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in summary.Files)
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(shipped, Path.GetFileName(file))));

        var readme = File.ReadAllText(Path.Combine(shipped, "_README.md"));
        foreach (var number in new[] { summary.TotalDataLines, summary.GoodRows, summary.DuplicateRows, summary.MalformedRows, summary.DistinctEventIds })
            Assert.Contains(number.ToString("N0", CultureInfo.InvariantCulture), readme, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Flatten(IReadOnlyDictionary<string, IReadOnlyList<int>> lines) =>
        lines.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value.Select(line => $"{kv.Key}:{line}"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlaSpark.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("AlaSpark.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>RFC 4180 quoting: only a field holding a comma, quote or line break is quoted.</summary>
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One CSV record as read back: where it starts, its fields, and its text without the line end.</summary>
/// <param name="Complete">False when the file ended inside a quoted field or a quote was out of place.</param>
internal sealed record Record(string File, int Line, IReadOnlyList<string> Fields, bool Complete, string Raw);

/// <summary>The data lines of a set of generated files, read with a small strict RFC 4180 reader.</summary>
internal sealed class DataSet
{
    private DataSet(List<Record> records)
    {
        Records = records;
        Good = [.. records.Where(IsGood)];
        Broken = [.. records.Where(r => !IsGood(r))];
    }

    public IReadOnlyList<Record> Records { get; }

    public IReadOnlyList<Record> Good { get; }

    public IReadOnlyList<Record> Broken { get; }

    private static bool IsGood(Record r) => r.Complete && r.Fields.Count == 6 && IsTime(r.Fields[4]);

    public static bool IsTime(string value) =>
        DateTime.TryParseExact(value, WebEventGenerator.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static DataSet Read(IEnumerable<string> files)
    {
        var records = new List<Record>();
        foreach (var path in files)
        {
            var all = Parse(Path.GetFileName(path), File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true)));
            Assert.NotEmpty(all);
            Assert.Equal(WebEventGenerator.Columns, all[0].Fields);
            records.AddRange(all.Skip(1));
        }
        return new DataSet(records);
    }

    /// <summary>Records with their 1-based physical start line; LF ends a record outside quotes.</summary>
    public static List<Record> Parse(string file, string text)
    {
        var records = new List<Record>();
        var i = 0;
        var line = 1;
        while (i < text.Length)
        {
            var (start, startLine) = (i, line);
            var fields = new List<string>();
            var complete = true;
            var field = new StringBuilder();
            while (true)
            {
                field.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        var c = text[i++];
                        if (c == '"')
                        {
                            if (i < text.Length && text[i] == '"')
                            {
                                field.Append('"');
                                i++;
                                continue;
                            }
                            closed = true;
                            break;
                        }
                        if (c == '\n')
                            line++;
                        field.Append(c);
                    }
                    if (!closed)
                    {
                        complete = false;
                        fields.Add(field.ToString());
                        break;
                    }
                    if (i < text.Length && text[i] is not (',' or '\n'))
                        complete = false; // text after the closing quote
                }
                while (i < text.Length && text[i] is not (',' or '\n'))
                {
                    if (text[i] == '"')
                        complete = false; // a quote inside an unquoted field
                    field.Append(text[i++]);
                }
                fields.Add(field.ToString());
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }
                break;
            }
            var end = i;
            if (i < text.Length && text[i] == '\n')
            {
                i++;
                line++;
            }
            else if (complete)
            {
                complete = false; // the last record must end with a line end too
            }
            var raw = text[start..end];
            records.Add(new Record(file, startLine, fields, complete, raw.EndsWith('\n') ? raw[..^1] : raw));
        }
        return records;
    }
}

/// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "alaspark-tests", "webevents-" + Guid.NewGuid().ToString("N"));

    public string Sub(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
