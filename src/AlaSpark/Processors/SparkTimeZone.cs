using System.Globalization;
using System.Text.RegularExpressions;

namespace AlaSpark;

/// <summary>
/// Time-zone ids as Spark reads them (<c>DateTimeUtils.getZoneId</c>, that is <c>java.time.ZoneId.of</c> with Java's
/// <c>SHORT_IDS</c>): a region (<c>Europe/Paris</c>, case as written), <c>UTC</c>, <c>GMT</c>, <c>UT</c> or <c>Z</c>,
/// an offset (<c>+08:00</c>, <c>-5</c>, <c>+0530</c>, <c>UTC+8</c>, <c>GMT-03:30</c>; Spark also reads <c>+8:00</c> and <c>+08:3</c>),
/// or one of Java's three-letter ids (<c>PST</c> is America/Los_Angeles, <c>EST</c> is -05:00). Local times are
/// converted as <c>java.time</c> converts them: a time in a gap (spring forward) moves later by the gap's length; a
/// time in an overlap (fall back) takes the earlier of its two offsets.
/// </summary>
internal static partial class SparkTimeZone
{
    /// <summary>Java's <c>ZoneId.SHORT_IDS</c>.</summary>
    private static readonly Dictionary<string, string> ShortIds = new(StringComparer.Ordinal)
    {
        ["ACT"] = "Australia/Darwin", ["AET"] = "Australia/Sydney", ["AGT"] = "America/Argentina/Buenos_Aires",
        ["ART"] = "Africa/Cairo", ["AST"] = "America/Anchorage", ["BET"] = "America/Sao_Paulo", ["BST"] = "Asia/Dhaka",
        ["CAT"] = "Africa/Harare", ["CNT"] = "America/St_Johns", ["CST"] = "America/Chicago", ["CTT"] = "Asia/Shanghai",
        ["EAT"] = "Africa/Addis_Ababa", ["ECT"] = "Europe/Paris", ["IET"] = "America/Indiana/Indianapolis",
        ["IST"] = "Asia/Kolkata", ["JST"] = "Asia/Tokyo", ["MIT"] = "Pacific/Apia", ["NET"] = "Asia/Yerevan",
        ["NST"] = "Pacific/Auckland", ["PLT"] = "Asia/Karachi", ["PNT"] = "America/Phoenix", ["PRT"] = "America/Puerto_Rico",
        ["PST"] = "America/Los_Angeles", ["SST"] = "Pacific/Guadalcanal", ["VST"] = "Asia/Ho_Chi_Minh",
        ["EST"] = "-05:00", ["MST"] = "-07:00", ["HST"] = "-10:00",
    };

    /// <summary>Finds the zone of <paramref name="id"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryResolve(string? id, out TimeZoneInfo zone, out string error)
    {
        zone = TimeZoneInfo.Utc;
        error = "";
        if (string.IsNullOrEmpty(id))
        {
            error = "the time zone is empty";
            return false;
        }
        var text = ShortIds.GetValueOrDefault(id, OneDigitMinute().Replace(OneDigitHour().Replace(id, "${sign}0${hour}:", 1), "${sign}${hour}:0${minute}", 1));
        if (text is "Z" or "UTC" or "GMT" or "UT") return true;
        var offsetText = text[0] is '+' or '-' ? text : PrefixedOffset().Match(text) is { Success: true } m ? m.Groups["offset"].Value : null;
        if (offsetText is not null)
        {
            if (!TryParseOffset(offsetText, out var offset))
            {
                error = $"'{id}' is not an offset Spark reads (write +08:00, -05:30 or +8, between -18:00 and +18:00)";
                return false;
            }
            if (offset.Seconds != 0)
            {
                error = $"the offset '{id}' has seconds, which the embedded engine's time zones can't hold";
                return false;
            }
            zone = offset == TimeSpan.Zero ? TimeZoneInfo.Utc : TimeZoneInfo.CreateCustomTimeZone(text, offset, text, text);
            return true;
        }
        // Java's region ids: no spaces (which also keeps out the Windows names .NET would accept).
        if (RegionId().IsMatch(text))
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(text);
                return true;
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }
        error = $"'{id}' is not a time zone (write a region such as Europe/Paris, an offset such as +08:00, or UTC)";
        return false;
    }

    /// <summary>The UTC time of <paramref name="local"/>, a wall-clock time in <paramref name="zone"/>, as java.time reads it.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(wallClock))
            offset = zone.GetUtcOffset(DateTime.SpecifyKind(wallClock.AddDays(-1), DateTimeKind.Utc)); // the offset before the gap
        else if (zone.IsAmbiguousTime(wallClock))
            offset = zone.GetAmbiguousTimeOffsets(wallClock).Max(); // the earlier offset, before the clocks went back
        else
            offset = zone.GetUtcOffset(wallClock);
        return DateTime.SpecifyKind(wallClock - offset, DateTimeKind.Utc);
    }

    /// <summary>The wall-clock time in <paramref name="zone"/> at <paramref name="utc"/>.</summary>
    public static DateTime FromUtc(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Utc);

    /// <summary>Java's <c>ZoneOffset.of</c>: ±h, ±hh, ±hh:mm, ±hhmm, ±hh:mm:ss or ±hhmmss, at most 18 hours.</summary>
    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var m = Offset().Match(text);
        if (!m.Success) return false;
        int Part(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (hours, minutes, seconds) = (Part("h"), Part("m"), Part("s"));
        if (minutes > 59 || seconds > 59) return false;
        offset = new TimeSpan(hours, minutes, seconds);
        if (offset > TimeSpan.FromHours(18)) return false;
        if (m.Groups["sign"].Value == "-") offset = -offset;
        return true;
    }

    [GeneratedRegex(@"^(?<sign>[+-])(?:(?<h>\d)|(?<h>\d{2})(?::(?<m>\d{2})(?::(?<s>\d{2}))?|(?<m>\d{2})(?<s>\d{2})?)?)$")]
    private static partial Regex Offset();

    [GeneratedRegex(@"^(?:UTC|GMT|UT)(?<offset>[+-].*)$")]
    private static partial Regex PrefixedOffset();

    /// <summary>Spark's fix before ZoneId.of: <c>+8:00</c> becomes <c>+08:00</c>.</summary>
    [GeneratedRegex(@"(?<sign>[+-])(?<hour>\d):")]
    private static partial Regex OneDigitHour();

    /// <summary>Spark's second fix: <c>+08:3</c> becomes <c>+08:03</c>.</summary>
    [GeneratedRegex(@"(?<sign>[+-])(?<hour>\d\d):(?<minute>\d)$")]
    private static partial Regex OneDigitMinute();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9~/._+-]+$")]
    private static partial Regex RegionId();
}
