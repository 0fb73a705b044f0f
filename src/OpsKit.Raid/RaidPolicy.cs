// The configurable verdicts (check_raid's defaults) and the md spare-count expectations.
using OpsKit.Core;

namespace OpsKit.Raid;

/// <summary>How situations that are not plainly good or bad are judged.</summary>
public sealed record RaidPolicy
{
    /// <summary>A consistency check, verify or scrub is running (default OK).</summary>
    public CheckStatus CheckState { get; init; } = CheckStatus.Ok;

    /// <summary>A resync, rebuild or recovery is running (default WARNING).</summary>
    public CheckStatus ResyncState { get; init; } = CheckStatus.Warning;

    /// <summary>A BBU learn cycle or capacity test is running or pending (default WARNING).</summary>
    public CheckStatus BbuLearnState { get; init; } = CheckStatus.Warning;

    /// <summary>Write cache configured write-back but running write-through (default WARNING).</summary>
    public CheckStatus CacheFailState { get; init; } = CheckStatus.Warning;

    /// <summary>Nothing to check on this host (default UNKNOWN, never OK by default).</summary>
    public CheckStatus NoRaidState { get; init; } = CheckStatus.Unknown;

    /// <summary>md arrays and the number of spares each must have.</summary>
    public IReadOnlyDictionary<string, int> SpareCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>The default policy.</summary>
    public static RaidPolicy Default { get; } = new();

    /// <summary>Parses "md1:2,md2:1"; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static IReadOnlyDictionary<string, int> ParseSpareCounts(string text)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(part.AsSpan(colon + 1), out var n) || n < 0)
                throw new FormatException($"'{part}' is not ARRAY:COUNT (e.g. md1:2)");
            var name = part[..colon];
            if (name.StartsWith("/dev/", StringComparison.Ordinal)) name = name[5..];
            result[name] = n;
        }
        return result;
    }

    /// <summary>Parses a state name (OK, WARNING, CRITICAL, UNKNOWN).</summary>
    public static CheckStatus ParseState(string text, string what) =>
        CheckStatuses.TryParse(text, out var s) ? s : throw new FormatException($"{what}: '{text}' is not OK, WARNING, CRITICAL or UNKNOWN");
}
