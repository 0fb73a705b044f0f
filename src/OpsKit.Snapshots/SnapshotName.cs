// Snapshot directory names: "YYYY-MM-DDTHHMMSSZ" (UTC, sorts, no DST ambiguity),
// "-2", "-3" for a second run within one second, ".inprogress" while written.
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsKit.Snapshots;

/// <summary>Parses and formats snapshot names.</summary>
public static partial class SnapshotName
{
    /// <summary>Suffix of a snapshot being written.</summary>
    public const string InProgressSuffix = ".inprogress";

    private const string StampFormat = "yyyy-MM-dd'T'HHmmss'Z'";

    [GeneratedRegex(@"^(\d{4}-\d\d-\d\dT\d{6}Z)(-[2-9]|-[1-9]\d+)?(\.inprogress)?$")]
    private static partial Regex Pattern();

    /// <summary>The name of a snapshot started at <paramref name="time"/> (seconds are kept, the rest dropped).</summary>
    public static string Format(DateTimeOffset time, int collision = 1) =>
        time.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + (collision > 1 ? $"-{collision}" : "");

    /// <summary>Parses a name; false when it is not ours.</summary>
    public static bool TryParse(string name, out DateTimeOffset time, out bool inProgress)
    {
        time = default;
        inProgress = false;
        var m = Pattern().Match(name);
        if (!m.Success) return false;
        if (!DateTime.TryParseExact(m.Groups[1].Value, StampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)) return false;
        time = new DateTimeOffset(t, TimeSpan.Zero);
        inProgress = m.Groups[3].Success;
        return true;
    }

    /// <summary>Parses a user-given time: a snapshot stamp or ISO 8601 (Z or offset; no offset = UTC).</summary>
    public static DateTimeOffset ParseStamp(string text)
    {
        if (TryParse(text, out var t, out var inProgress) && !inProgress) return t;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
            return d;
        throw OpsKit.Core.OpsKitException.Usage($"bad time '{text}': expected ISO 8601 such as 2025-03-15T02:00:00Z or a snapshot name such as 2025-03-15T020000Z");
    }

    /// <summary>ISO 8601 UTC with a Z, as JSON and manifests carry it.</summary>
    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
