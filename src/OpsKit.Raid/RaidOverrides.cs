// Command-line values that override [raid]; strings are validated here so the command
// stays a translation and every bad value gets one clear usage error.
using OpsKit.Core;

namespace OpsKit.Raid;

/// <summary>Flags of "raid check" that change the settings (null: keep the config value).</summary>
public sealed record RaidOverrides
{
    /// <summary>--check-state.</summary>
    public string? CheckState { get; init; }
    /// <summary>--resync-state.</summary>
    public string? ResyncState { get; init; }
    /// <summary>--bbu-learn-state.</summary>
    public string? BbuLearnState { get; init; }
    /// <summary>--cache-fail-state.</summary>
    public string? CacheFailState { get; init; }
    /// <summary>--noraid-state.</summary>
    public string? NoRaidState { get; init; }
    /// <summary>--spare-count.</summary>
    public string? SpareCount { get; init; }
    /// <summary>--backend (repeatable); empty keeps the config.</summary>
    public IReadOnlyList<string> Backends { get; init; } = [];
    /// <summary>--timeout in seconds.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Applies the flags over <paramref name="settings"/>; throws a usage error naming the flag.</summary>
    public RaidSettings ApplyTo(RaidSettings settings)
    {
        var p = settings.Policy;
        try
        {
            p = p with
            {
                CheckState = CheckState is null ? p.CheckState : RaidPolicy.ParseState(CheckState, "--check-state"),
                ResyncState = ResyncState is null ? p.ResyncState : RaidPolicy.ParseState(ResyncState, "--resync-state"),
                BbuLearnState = BbuLearnState is null ? p.BbuLearnState : RaidPolicy.ParseState(BbuLearnState, "--bbu-learn-state"),
                CacheFailState = CacheFailState is null ? p.CacheFailState : RaidPolicy.ParseState(CacheFailState, "--cache-fail-state"),
                NoRaidState = NoRaidState is null ? p.NoRaidState : RaidPolicy.ParseState(NoRaidState, "--noraid-state"),
                SpareCounts = SpareCount is null ? p.SpareCounts : RaidPolicy.ParseSpareCounts(SpareCount),
            };
        }
        catch (FormatException e)
        {
            throw OpsKitException.Usage(SpareCount is not null && e.Message.Contains("ARRAY:COUNT", StringComparison.Ordinal) ? $"--spare-count: {e.Message}" : e.Message);
        }
        if (TimeoutSeconds is <= 0) throw OpsKitException.Usage($"--timeout: {TimeoutSeconds} is not a positive number of seconds");
        foreach (var b in Backends)
        {
            if (Raid.Backends.RaidBackends.Find(b) is null)
                throw OpsKitException.Usage($"--backend: unknown backend '{b}' (known: {string.Join(", ", Raid.Backends.RaidBackends.Names)})");
        }
        return settings with
        {
            Policy = p,
            Backends = Backends.Count > 0 ? Backends : settings.Backends,
            Timeout = TimeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : settings.Timeout,
        };
    }
}
