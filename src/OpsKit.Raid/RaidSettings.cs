// The [raid] config table and its binding; command-line flags override these values.
using OpsKit.Core;
using OpsKit.Core.Config;

namespace OpsKit.Raid;

/// <summary>Settings of "raid check", "raid detect", "raid dump".</summary>
public sealed record RaidSettings
{
    /// <summary>Verdict policy.</summary>
    public RaidPolicy Policy { get; init; } = RaidPolicy.Default;

    /// <summary>Backends to run instead of detecting them; empty: detect.</summary>
    public IReadOnlyList<string> Backends { get; init; } = [];

    /// <summary>Kill a vendor tool after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra places to look for vendor tools: directories or full paths, searched before PATH.</summary>
    public IReadOnlyList<string> ToolPaths { get; init; } = [];

    /// <summary>Run vendor tools through "sudo -n" (for a monitoring user with the rules of "raid sudoers").</summary>
    public bool Sudo { get; init; }

    private static readonly string[] s_states = ["OK", "WARNING", "CRITICAL", "UNKNOWN"];

    /// <summary>The schema of [raid].</summary>
    public static ConfigTable Schema { get; } = new("raid", "RAID check: verdict policy, backends, timeouts and tool locations.",
    [
        ConfigKey.Choice("check_state", "OK", "Status while a consistency check, verify or scrub runs.", s_states),
        ConfigKey.Choice("resync_state", "WARNING", "Status while a resync, rebuild or recovery runs.", s_states),
        ConfigKey.Choice("bbu_learn_state", "WARNING", "Status while a BBU learn cycle or capacity test runs.", s_states),
        ConfigKey.Choice("cache_fail_state", "WARNING", "Status when the write cache fell back from write-back to write-through.", s_states),
        ConfigKey.Choice("noraid_state", "UNKNOWN", "Status when no RAID controller or md array is found.", s_states),
        ConfigKey.String("spare_count", "", "Spares each md array must have, as 'md1:2,md2:1'; fewer is WARNING, a missing array CRITICAL."),
        ConfigKey.StringList("backends", "Backends to run instead of detecting (mdstat, megacli, storcli, 3ware, areca, cmdtool2, sas2ircu)."),
        ConfigKey.Integer("timeout", 60, "Seconds before a vendor tool is killed (the check then says UNKNOWN).", 1, 3600),
        ConfigKey.StringList("tool_paths", "Directories or full paths searched for vendor tools before PATH and the usual install places."),
        ConfigKey.Bool("sudo", false, "Run vendor tools through 'sudo -n' (see 'opskit raid sudoers')."),
    ]);

    /// <summary>Binds [raid]; semantic errors name the file, line and key.</summary>
    public static RaidSettings Bind(ConfigSection s)
    {
        IReadOnlyDictionary<string, int> spares;
        try
        {
            spares = RaidPolicy.ParseSpareCounts(s.GetString("spare_count"));
        }
        catch (FormatException e)
        {
            throw s.Error("spare_count", e.Message);
        }
        foreach (var b in s.GetStringList("backends"))
        {
            if (!global::OpsKit.Raid.Backends.RaidBackends.Names.Contains(b))
                throw s.Error("backends", $"unknown backend '{b}' (known: {string.Join(", ", global::OpsKit.Raid.Backends.RaidBackends.Names)})");
        }
        return new RaidSettings
        {
            Policy = new RaidPolicy
            {
                CheckState = RaidPolicy.ParseState(s.GetString("check_state"), "check_state"),
                ResyncState = RaidPolicy.ParseState(s.GetString("resync_state"), "resync_state"),
                BbuLearnState = RaidPolicy.ParseState(s.GetString("bbu_learn_state"), "bbu_learn_state"),
                CacheFailState = RaidPolicy.ParseState(s.GetString("cache_fail_state"), "cache_fail_state"),
                NoRaidState = RaidPolicy.ParseState(s.GetString("noraid_state"), "noraid_state"),
                SpareCounts = spares,
            },
            Backends = s.GetStringList("backends"),
            Timeout = TimeSpan.FromSeconds(s.GetInteger("timeout")),
            ToolPaths = s.GetStringList("tool_paths"),
            Sudo = s.GetBool("sudo"),
        };
    }
}
