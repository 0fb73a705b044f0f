// Check results in the monitoring-plugin convention. A status can only rise:
// merging uses CRITICAL > UNKNOWN > WARNING > OK (check_raid's rule).
namespace OpsKit.Core;

/// <summary>The result of a check; the numeric value is the exit code.</summary>
public enum CheckStatus
{
    /// <summary>All is well.</summary>
    Ok = 0,
    /// <summary>Needs attention soon.</summary>
    Warning = 1,
    /// <summary>Needs attention now.</summary>
    Critical = 2,
    /// <summary>The state could not be determined.</summary>
    Unknown = 3,
}

/// <summary>Helpers for <see cref="CheckStatus"/>.</summary>
public static class CheckStatuses
{
    private static int Rank(CheckStatus s) => s switch
    {
        CheckStatus.Ok => 0,
        CheckStatus.Warning => 1,
        CheckStatus.Unknown => 2,
        CheckStatus.Critical => 3,
        _ => 2,
    };

    /// <summary>The worse of two statuses: CRITICAL &gt; UNKNOWN &gt; WARNING &gt; OK.</summary>
    public static CheckStatus Worst(CheckStatus a, CheckStatus b) => Rank(a) >= Rank(b) ? a : b;

    /// <summary>The worst of many statuses; OK when there are none.</summary>
    public static CheckStatus Worst(IEnumerable<CheckStatus> all) => all.Aggregate(CheckStatus.Ok, Worst);

    /// <summary>Upper-case name as monitors print it: OK, WARNING, CRITICAL, UNKNOWN.</summary>
    public static string Label(this CheckStatus s) => s switch
    {
        CheckStatus.Ok => "OK",
        CheckStatus.Warning => "WARNING",
        CheckStatus.Critical => "CRITICAL",
        _ => "UNKNOWN",
    };

    /// <summary>Parses OK|WARNING|CRITICAL|UNKNOWN (any case, also WARN and CRIT).</summary>
    public static bool TryParse(string? text, out CheckStatus status)
    {
        status = CheckStatus.Unknown;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "OK": status = CheckStatus.Ok; return true;
            case "WARNING" or "WARN": status = CheckStatus.Warning; return true;
            case "CRITICAL" or "CRIT": status = CheckStatus.Critical; return true;
            case "UNKNOWN": status = CheckStatus.Unknown; return true;
            default: return false;
        }
    }
}
