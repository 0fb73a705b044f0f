// Snapshot directory names: "YYYY-MM-DDTHHMMSSZ" (UTC, sorts, no DST ambiguity),
// "-2", "-3" for a second run within one second, ".inprogress" while written.
using System.Globalization;

namespace OpsKit.Snapshots;

/// <summary>Parses and formats snapshot names.</summary>
public static class SnapshotName
{
    /// <summary>Suffix of a snapshot being written.</summary>
    public const string InProgressSuffix = ".inprogress";

    private const int StampLength = 18; // yyyy-MM-ddTHHmmssZ

    /// <summary>The name of a snapshot started at <paramref name="time"/> (seconds are kept, the rest dropped).</summary>
    public static string Format(DateTimeOffset time, int collision = 1)
    {
        var t = time.UtcDateTime;
        var stamp = string.Create(StampLength, t, static (span, t) =>
        {
            Digits(span[..4], t.Year);
            span[4] = '-';
            Digits(span.Slice(5, 2), t.Month);
            span[7] = '-';
            Digits(span.Slice(8, 2), t.Day);
            span[10] = 'T';
            Digits(span.Slice(11, 2), t.Hour);
            Digits(span.Slice(13, 2), t.Minute);
            Digits(span.Slice(15, 2), t.Second);
            span[17] = 'Z';
        });
        return collision > 1 ? stamp + "-" + collision.ToString(CultureInfo.InvariantCulture) : stamp;
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (char)('0' + value % 10);
    }

    /// <summary>Parses a name ("yyyy-MM-ddTHHmmssZ", then "-N" with N of 2 or more, then ".inprogress");
    /// false when it is not ours.</summary>
    public static bool TryParse(string name, out DateTimeOffset time, out bool inProgress)
    {
        time = default;
        inProgress = name.EndsWith(InProgressSuffix, StringComparison.Ordinal);
        var rest = name.AsSpan(0, name.Length - (inProgress ? InProgressSuffix.Length : 0));
        if (rest.Length < StampLength || !ValidCollision(rest[StampLength..])) return false;
        var s = rest[..StampLength];
        if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[17] != 'Z') return false;
        if (!Number(s[..4], out var year) || !Number(s.Slice(5, 2), out var month) || !Number(s.Slice(8, 2), out var day)
            || !Number(s.Slice(11, 2), out var hour) || !Number(s.Slice(13, 2), out var minute) || !Number(s.Slice(15, 2), out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    /// <summary>Empty, or "-" and a number of 2 or more without a leading zero.</summary>
    private static bool ValidCollision(ReadOnlySpan<char> suffix)
    {
        if (suffix.Length == 0) return true;
        if (suffix.Length < 2 || suffix[0] != '-' || suffix[1] is < '1' or > '9' || (suffix.Length == 2 && suffix[1] == '1')) return false;
        foreach (var c in suffix[1..]) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>Parses a user-given time: a snapshot stamp or ISO 8601 (Z or offset; no offset = UTC).</summary>
    public static DateTimeOffset ParseStamp(string text)
    {
        if (TryParseIso(text, out var iso)) return iso;
        if (TryParse(text, out var t, out var inProgress) && !inProgress) return t;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
            return d;
        throw OpsKit.Core.OpsKitException.Usage($"bad time '{text}': expected ISO 8601 such as 2025-03-15T02:00:00Z or a snapshot name such as 2025-03-15T020000Z");
    }

    /// <summary>The exact form <see cref="Iso"/> writes ("yyyy-MM-ddTHH:mm:ssZ"), parsed without the culture machinery.</summary>
    private static bool TryParseIso(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 20 || text[13] != ':' || text[16] != ':') return false;
        return TryParse(string.Concat(text.AsSpan(0, 13), text.AsSpan(14, 2), text.AsSpan(17, 3)), out time, out var inProgress) && !inProgress;
    }

    /// <summary>ISO 8601 UTC with a Z, as JSON and manifests carry it.</summary>
    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
