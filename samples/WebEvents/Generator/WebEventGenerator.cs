using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace WebEvents.Generator;

/// <summary>The kinds of broken line <see cref="WebEventGenerator"/> injects when asked to.</summary>
public enum MalformedKind
{
    /// <summary>Six fields, but <c>event_time</c> is not a valid <c>yyyy-MM-dd HH:mm:ss</c> time.</summary>
    BadTimestamp,

    /// <summary>Fewer than six fields.</summary>
    TooFewFields,

    /// <summary>More than six fields.</summary>
    TooManyFields,

    /// <summary>A quoted field that is never closed; always the last line of its file.</summary>
    UnterminatedQuote,
}

/// <summary>Settings for <see cref="WebEventGenerator.Generate"/>.</summary>
public sealed record GenerationOptions
{
    /// <summary>
    /// Data lines to write across all files, headers excluded. Duplicates and malformed lines are part
    /// of this number, so <see cref="GenerationSummary.TotalDataLines"/> always equals it.
    /// </summary>
    public int Rows { get; init; } = 10_000;

    /// <summary>How many CSV files the rows are split across (as evenly as possible, in order).</summary>
    public int Files { get; init; } = 5;

    /// <summary>Seed of the <see cref="Random"/> every value is drawn from: same options, same bytes.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The first (UTC) day of the events.</summary>
    public DateOnly StartDate { get; init; } = new(2026, 11, 1);

    /// <summary>How many days, from <see cref="StartDate"/>, the event times are spread over.</summary>
    public int Days { get; init; } = 7;

    /// <summary>
    /// Fraction of the well-formed rows that are exact copies of an earlier row (a re-sent event).
    /// The copy can land in a later file than the original.
    /// </summary>
    public double DuplicateRate { get; init; } = 0.02;

    /// <summary>
    /// Whether to inject the fixed set of broken lines (<see cref="WebEventGenerator.MalformedKinds"/>):
    /// on for the sample data set, off for benchmarks.
    /// </summary>
    public bool MalformedRows { get; init; } = true;
}

/// <summary>Where a broken line was written.</summary>
/// <param name="File">The file's name, e.g. <c>web_events_0002.csv</c>.</param>
/// <param name="Line">The 1-based physical line number; the header is line 1.</param>
/// <param name="Kind">What is wrong with it.</param>
public sealed record MalformedRow(string File, int Line, MalformedKind Kind);

/// <summary>What <see cref="WebEventGenerator.Generate"/> wrote.</summary>
/// <param name="Files">Full paths of the files, in order.</param>
/// <param name="TotalDataLines">Lines written after the headers (good, duplicate and malformed).</param>
/// <param name="GoodRows">Well-formed rows, duplicates included.</param>
/// <param name="DuplicateRows">Good rows that repeat an earlier row exactly.</param>
/// <param name="MalformedRows">Broken lines.</param>
/// <param name="DistinctEventIds">Distinct <c>event_id</c> values among the good rows.</param>
/// <param name="MalformedLines">
/// For every file (by name, e.g. <c>web_events_0001.csv</c>), the ascending 1-based physical line
/// numbers of its broken lines (header = line 1); empty for a file without any.
/// </param>
/// <param name="Malformed">Every broken line with its kind, in file and line order.</param>
public sealed record GenerationSummary(
    IReadOnlyList<string> Files,
    int TotalDataLines,
    int GoodRows,
    int DuplicateRows,
    int MalformedRows,
    int DistinctEventIds,
    IReadOnlyDictionary<string, IReadOnlyList<int>> MalformedLines,
    IReadOnlyList<MalformedRow> Malformed);

/// <summary>
/// Writes deterministic "fake web events" CSV files: a header, then one event per line, RFC 4180
/// quoting (a field holding a comma, quote or line break is quoted and its quotes doubled), UTF-8
/// without a byte order mark, LF line ends, empty field for a missing user agent.
/// </summary>
public static class WebEventGenerator
{
    /// <summary>The header line of every file.</summary>
    public const string Header = "event_id,user_email,event_type,page_url,event_time,user_agent";

    /// <summary>The columns, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["event_id", "user_email", "event_type", "page_url", "event_time", "user_agent"];

    /// <summary>The format of <c>event_time</c> (UTC).</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The values of <c>event_type</c>.</summary>
    public static IReadOnlyList<string> EventTypes => EventTypeNames;

    private static readonly string[] EventTypeNames =
        ["page_view", "click", "add_to_cart", "checkout", "purchase", "search", "login", "logout"];

    // Declared before MalformedKinds, which is built from it (static initialisers run in text order).
    /// <summary>The broken lines, each kind's variants numbered from 0.</summary>
    private static readonly (MalformedKind Kind, int Variant)[] Injected =
    [
        (MalformedKind.BadTimestamp, 0), (MalformedKind.BadTimestamp, 1), (MalformedKind.BadTimestamp, 2),
        (MalformedKind.TooFewFields, 0), (MalformedKind.TooFewFields, 1),
        (MalformedKind.TooManyFields, 0), (MalformedKind.TooManyFields, 1),
        (MalformedKind.UnterminatedQuote, 0),
    ];

    /// <summary>
    /// The broken lines injected when <see cref="GenerationOptions.MalformedRows"/> is on, in the
    /// order they are placed: three bad timestamps, two short lines (4 and 5 fields), two long lines
    /// (7 and 8 fields) and one unterminated quote.
    /// </summary>
    public static IReadOnlyList<MalformedKind> MalformedKinds { get; } = [.. Injected.Select(i => i.Kind)];

    /// <summary>The name of the file with the given 1-based number: <c>web_events_0001.csv</c>, ...</summary>
    public static string FileName(int number) =>
        "web_events_" + number.ToString("D4", CultureInfo.InvariantCulture) + ".csv";

    /// <summary>
    /// Writes <see cref="GenerationOptions.Files"/> files into <paramref name="folder"/> (created if
    /// missing; earlier <c>web_events_NNNN.csv</c> files in it are deleted first).
    /// </summary>
    public static GenerationSummary Generate(string folder, GenerationOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "web_events_*.csv"))
        {
            var name = Path.GetFileNameWithoutExtension(stale.AsSpan());
            if (name.Length == "web_events_0000".Length && !name["web_events_".Length..].ContainsAnyExceptInRange('0', '9'))
                File.Delete(stale);
        }

        var random = new Random(options.Seed);
        var tables = new Tables(random, options);

        // Lines per file: as even as possible, the first files take the remainder.
        var linesPerFile = new int[options.Files];
        for (var f = 0; f < options.Files; f++)
            linesPerFile[f] = options.Rows / options.Files + (f < options.Rows % options.Files ? 1 : 0);

        var malformedAt = options.MalformedRows
            ? PlaceMalformed(random, linesPerFile)
            : new Dictionary<(int File, int Index), (MalformedKind Kind, int Variant)>();
        var malformedCount = malformedAt.Count;
        var goodCount = options.Rows - malformedCount;
        var duplicateCount = goodCount <= 1
            ? 0
            : (int)Math.Min(goodCount - 1, Math.Round(goodCount * options.DuplicateRate, MidpointRounding.AwayFromZero));

        var files = new List<string>(options.Files);
        var malformedLines = new Dictionary<string, IReadOnlyList<int>>(options.Files, StringComparer.Ordinal);
        var malformed = new List<MalformedRow>(malformedCount);
        var originals = new RowSpec[Math.Min(RecentCapacity, Math.Max(goodCount, 1))];
        long originalsWritten = 0;
        var goodSeen = 0;
        var duplicatesLeft = duplicateCount;
        var buffer = new char[1024];
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        for (var f = 0; f < options.Files; f++)
        {
            var name = FileName(f + 1);
            var path = Path.GetFullPath(Path.Combine(folder, name));
            files.Add(path);
            var lines = new List<int>();
            var brokenHere = malformedAt.Where(m => m.Key.File == f).OrderBy(m => m.Key.Index).ToArray();
            var nextBroken = 0;
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new StreamWriter(stream, encoding, 1 << 16))
            {
                writer.Write(Header);
                writer.Write('\n');
                for (var i = 0; i < linesPerFile[f]; i++)
                {
                    if (nextBroken < brokenHere.Length && brokenHere[nextBroken].Key.Index == i)
                    {
                        var broken = brokenHere[nextBroken++].Value;
                        WriteMalformed(writer, random, tables, broken.Kind, broken.Variant);
                        lines.Add(i + 2);
                        malformed.Add(new MalformedRow(name, i + 2, broken.Kind));
                        continue;
                    }

                    RowSpec row;
                    // Selection sampling: exactly duplicateCount of the good rows after the first are copies.
                    if (goodSeen > 0 && duplicatesLeft > 0 && random.NextDouble() * (goodCount - goodSeen) < duplicatesLeft)
                    {
                        var available = (int)Math.Min(originalsWritten, originals.Length);
                        row = originals[(int)((originalsWritten - 1 - random.Next(available)) % originals.Length)];
                        duplicatesLeft--;
                    }
                    else
                    {
                        row = NewRow(random, tables);
                        originals[(int)(originalsWritten % originals.Length)] = row;
                        originalsWritten++;
                    }
                    goodSeen++;
                    var length = Render(buffer, in row, tables);
                    writer.Write(buffer, 0, length);
                }
            }
            malformedLines[name] = lines;
        }

        return new GenerationSummary(
            files,
            options.Rows,
            goodCount,
            duplicateCount,
            malformedCount,
            goodCount - duplicateCount,
            malformedLines,
            malformed);
    }

    /// <summary>The longest span of days (its seconds must fit an <see cref="int"/>).</summary>
    public const int MaxDays = 10_000;

    /// <summary>How many recent original rows a duplicate can be copied from.</summary>
    private const int RecentCapacity = 1 << 16;

    private static void Validate(GenerationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Rows, nameof(options.Rows));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Files, 1, nameof(options.Files));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1, nameof(options.Days));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Days, MaxDays, nameof(options.Days));
        if (options.StartDate.DayNumber > DateOnly.MaxValue.DayNumber - options.Days)
            throw new ArgumentOutOfRangeException(nameof(options), options.StartDate, "StartDate plus Days runs past the year 9999.");
        if (!(options.DuplicateRate >= 0 && options.DuplicateRate < 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.DuplicateRate, "DuplicateRate must be at least 0 and less than 1.");
        if (options.MalformedRows && options.Rows < MalformedKinds.Count)
            throw new ArgumentOutOfRangeException(nameof(options), options.Rows,
                $"With MalformedRows on, Rows must be at least {MalformedKinds.Count} (the number of broken lines injected).");
    }

    /// <summary>
    /// Picks the (file, data-line index) of each broken line: the unterminated quote ends the middle
    /// non-empty file; the others go round-robin over the files at random free positions.
    /// </summary>
    private static Dictionary<(int File, int Index), (MalformedKind Kind, int Variant)> PlaceMalformed(
        Random random, int[] linesPerFile)
    {
        var result = new Dictionary<(int File, int Index), (MalformedKind Kind, int Variant)>();
        var taken = new int[linesPerFile.Length];
        var nonEmpty = linesPerFile.Count(n => n > 0);
        var unterminatedFile = (nonEmpty - 1) / 2;

        var placed = 0;
        foreach (var broken in Injected)
        {
            if (broken.Kind == MalformedKind.UnterminatedQuote)
            {
                result[(unterminatedFile, linesPerFile[unterminatedFile] - 1)] = broken;
                taken[unterminatedFile]++;
                continue;
            }
            // Round-robin from the next file, skipping files without a free line; the last line of
            // the unterminated quote's file is never picked (it is reserved even before it is placed).
            var file = placed++ % linesPerFile.Length;
            while (Free(file) <= 0)
                file = (file + 1) % linesPerFile.Length;
            var span = file == unterminatedFile ? linesPerFile[file] - 1 : linesPerFile[file];
            int index;
            do index = random.Next(span);
            while (result.ContainsKey((file, index)));
            result[(file, index)] = broken;
            taken[file]++;
        }
        return result;

        int Free(int file) =>
            linesPerFile[file] - taken[file] - (file == unterminatedFile && !result.ContainsKey((file, linesPerFile[file] - 1)) ? 1 : 0);
    }

    /// <summary>One well-formed event, as indexes into <see cref="Tables"/>.</summary>
    private readonly record struct RowSpec(Guid Id, int User, int EventType, int Url, int Second, int Agent);

    private static RowSpec NewRow(Random random, Tables t)
    {
        Span<byte> id = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(id, NextUInt64(random));
        BinaryPrimitives.WriteUInt64BigEndian(id[8..], NextUInt64(random));
        id[6] = (byte)((id[6] & 0x0F) | 0x40); // version 4
        id[8] = (byte)((id[8] & 0x3F) | 0x80); // RFC 4122 variant
        // A few heavy users, a long tail of occasional ones.
        var u = random.NextDouble();
        var user = (int)(u * u * t.Emails.Length);
        var eventType = t.EventTypeByPercent[random.Next(100)];
        var url = Tables.PickUrl(random);
        var second = random.Next(t.Seconds);
        var agent = random.Next(100) < 5 ? -1 : t.AgentByPercent[random.Next(100)];
        return new RowSpec(new Guid(id, bigEndian: true), user, eventType, url, second, agent);
    }

    /// <summary>64 random bits (NextInt64 leaves the top bit clear; Next supplies it). Cheaper than NextBytes.</summary>
    private static ulong NextUInt64(Random random) => (ulong)random.NextInt64() ^ ((ulong)(uint)random.Next() << 33);

    /// <summary>Writes the row and its line end into <paramref name="buffer"/>; returns the length.</summary>
    private static int Render(char[] buffer, in RowSpec row, Tables t)
    {
        var span = buffer.AsSpan();
        var n = WriteId(span, row.Id);
        span[n++] = ',';
        n += Append(span[n..], t.Emails[row.User]);
        span[n++] = ',';
        n += Append(span[n..], EventTypeNames[row.EventType]);
        span[n++] = ',';
        n += Append(span[n..], t.Urls[row.Url]);
        span[n++] = ',';
        n += WriteTime(span[n..], t, row.Second);
        span[n++] = ',';
        if (row.Agent >= 0)
            n += Append(span[n..], t.Agents[row.Agent]);
        span[n++] = '\n';
        return n;
    }

    private static int Append(Span<char> destination, string value)
    {
        value.AsSpan().CopyTo(destination);
        return value.Length;
    }

    /// <summary>Writes the id as 32 lower-case hex digits in 8-4-4-4-12 groups; returns 36.</summary>
    private static int WriteId(Span<char> destination, Guid id)
    {
        if (!id.TryFormat(destination, out var written, "D"))
            throw new InvalidOperationException("The row buffer is too small.");
        return written;
    }

    private static int WriteTime(Span<char> destination, Tables t, int second)
    {
        var n = Append(destination, t.DayPrefixes[second / 86_400]);
        var ofDay = second % 86_400;
        n += TwoDigits(destination[n..], ofDay / 3600);
        destination[n++] = ':';
        n += TwoDigits(destination[n..], ofDay / 60 % 60);
        destination[n++] = ':';
        n += TwoDigits(destination[n..], ofDay % 60);
        return n;
    }

    private static int TwoDigits(Span<char> destination, int value)
    {
        destination[0] = (char)('0' + value / 10);
        destination[1] = (char)('0' + value % 10);
        return 2;
    }

    private static void WriteMalformed(StreamWriter writer, Random random, Tables t, MalformedKind kind, int variant)
    {
        var row = NewRow(random, t);
        Span<char> buffer = stackalloc char[TimeFormat.Length];
        var id = row.Id.ToString("D");
        var time = new string(buffer[..WriteTime(buffer, t, row.Second)]);
        var email = t.Emails[row.User];
        var eventType = EventTypeNames[row.EventType];
        var url = t.Urls[row.Url];
        var agent = row.Agent >= 0 ? t.Agents[row.Agent] : "";
        var text = (kind, variant) switch
        {
            (MalformedKind.BadTimestamp, _) => string.Join(',', id, email, eventType, url, BadTimes[variant], agent),
            // A truncated line (4 fields), and a line without its last column at all (5 fields).
            (MalformedKind.TooFewFields, 0) => string.Join(',', id, email, eventType, url),
            (MalformedKind.TooFewFields, _) => string.Join(',', id, email, eventType, url, time),
            // An unquoted user agent whose one comma makes 7 fields, and two stray trailing fields (8).
            (MalformedKind.TooManyFields, 0) => string.Join(',', id, email, eventType, url, time, UnquotedAgent),
            (MalformedKind.TooManyFields, _) => string.Join(',', id, email, eventType, url, time, agent, "debug", "1"),
            // The quote opened before the email is never closed (nothing after it holds a quote), so
            // from there to the end of the file is one unfinished field.
            (MalformedKind.UnterminatedQuote, _) => string.Join(',', id, "\"" + email, eventType, t.Urls[Tables.PickPlainUrl(random)], time),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        writer.Write(text);
        writer.Write('\n');
    }

    private static readonly string[] BadTimes = ["2026-13-45 25:61:00", "not-a-time", "2026-11-31 12:00:00"];

    private const string UnquotedAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /// <summary>Quotes a field per RFC 4180 when it holds a comma, a quote or a line break.</summary>
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Every value a row can take, rendered (and CSV-quoted) once up front.</summary>
    private sealed class Tables
    {
        public readonly string[] Emails;
        public readonly string[] Urls;
        public readonly string[] Agents;
        public readonly string[] DayPrefixes;
        public readonly int Seconds;
        public readonly int[] EventTypeByPercent;
        public readonly int[] AgentByPercent;

        public Tables(Random random, GenerationOptions options)
        {
            Emails = BuildEmails(random, 3_000);

            Urls = new string[Slugs.Length * Refs.Length];
            for (var s = 0; s < Slugs.Length; s++)
            for (var r = 0; r < Refs.Length; r++)
                Urls[s * Refs.Length + r] = Csv($"https://shop.example.com/recipes/{Slugs[s]}?ref={Refs[r]}");

            Agents = [.. UserAgents.Select(a => Csv(a.Agent))];
            AgentByPercent = Percentages(UserAgents.Select(a => a.Percent));
            EventTypeByPercent = Percentages(EventTypeWeights);

            DayPrefixes = new string[options.Days];
            for (var d = 0; d < options.Days; d++)
                DayPrefixes[d] = options.StartDate.AddDays(d).ToString("yyyy-MM-dd ", CultureInfo.InvariantCulture);
            Seconds = options.Days * 86_400;
        }

        /// <summary>A URL whose ref has no comma or quote (so it is never quoted).</summary>
        public static int PickPlainUrl(Random random) => random.Next(Slugs.Length) * Refs.Length + random.Next(PlainRefs);

        /// <summary>A slug (some recipes are far more popular) and a ref (about 1 in 8 with a comma or quote).</summary>
        public static int PickUrl(Random random)
        {
            var u = random.NextDouble();
            var slug = (int)(u * u * Slugs.Length);
            var r = random.Next(100);
            var refIndex = r < 88 ? r % PlainRefs : PlainRefs + r % (Refs.Length - PlainRefs);
            return slug * Refs.Length + refIndex;
        }

        private static int[] Percentages(IEnumerable<int> weights)
        {
            var table = new List<int>(100);
            var index = 0;
            foreach (var weight in weights)
            {
                for (var i = 0; i < weight; i++)
                    table.Add(index);
                index++;
            }
            if (table.Count != 100)
                throw new InvalidOperationException("Weights must add up to 100.");
            return [.. table];
        }

        private static string[] BuildEmails(Random random, int count)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var emails = new string[count];
            var n = 0;
            while (n < count)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var email = $"{first}.{last}{random.Next(1, 100)}@example.com";
                if (seen.Add(email))
                    emails[n++] = Csv(email);
            }
            return emails;
        }
    }

    // page_view 50, click 18, add_to_cart 8, checkout 4, purchase 2, search 10, login 5, logout 3.
    private static readonly int[] EventTypeWeights = [50, 18, 8, 4, 2, 10, 5, 3];

    private static readonly (string Agent, int Percent)[] UserAgents =
    [
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", 34),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", 24),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", 16),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", 12),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0", 8),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", 6),
    ];

    private static readonly string[] FirstNames =
    [
        "alice", "oliver", "amelia", "george", "isla", "harry", "ava", "jack", "mia", "noah",
        "emily", "leo", "grace", "oscar", "freya", "arthur", "lily", "charlie", "ella", "thomas",
        "sophie", "james", "ruby", "henry", "chloe", "william", "evie", "jacob", "poppy", "alfie",
        "priya", "mohammed", "fatima", "wei", "yuki", "kwame", "aisha", "lucas", "sara", "dan",
        "zoë", "josé",
    ];

    private static readonly string[] LastNames =
    [
        "smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "patel", "robinson",
        "wright", "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood", "jackson",
        "clarke", "khan", "lewis", "hughes", "edwards", "turner", "hill", "moore", "cooper", "ward",
        "okafor", "nguyen", "kowalski", "rossi", "garcia", "murphy", "chen", "singh", "ali", "martin",
        "müller", "núñez",
    ];

    /// <summary>The <c>ref</c> values: the first <see cref="PlainRefs"/> plain, the rest with a comma or a quote.</summary>
    private static readonly string[] Refs =
    [
        "home", "nav", "email", "social", "banner", "search", "app", "partner",
        "email&utm_campaign=winter,2026", "search&q=chicken,leek", "search&q=\"katsu\"",
    ];

    private const int PlainRefs = 8;

    private static readonly string[] Slugs =
    [
        "chicken-katsu-curry", "spaghetti-bolognese", "thai-green-curry", "beef-chilli-con-carne",
        "halloumi-traybake", "salmon-teriyaki", "mushroom-risotto", "chicken-tikka-masala",
        "pulled-pork-tacos", "vegan-buddha-bowl", "lamb-kofta-flatbreads", "prawn-pad-thai",
        "sweet-potato-dhal", "cajun-chicken-burger", "creamy-tuscan-gnocchi", "korean-beef-bibimbap",
        "fish-and-chips", "veggie-lasagne", "sticky-hoisin-duck", "falafel-wraps",
        "butternut-squash-soup", "chicken-fajitas", "pesto-pasta-bake", "black-bean-enchiladas",
        "hake-with-chorizo", "katsu-tofu-bowl", "steak-frites", "paneer-makhani",
        "mac-and-cheese", "ramen-noodle-soup",
    ];
}
