// The [hwerr] config table and its binding; command-line flags override these values.
using OpsKit.Core.Config;
using OpsKit.HwErr.Parsing;

namespace OpsKit.HwErr;

/// <summary>Settings of "hwerr check", "hwerr ack", "hwerr dump".</summary>
public sealed record HwErrSettings
{
    /// <summary>Corrected errors one counter or log source may add in 24 hours before a live run says WARNING.</summary>
    public long CeWarnPerDay { get; init; }

    /// <summary>A host without EDAC is UNKNOWN instead of OK.</summary>
    public bool RequireEdac { get; init; }

    /// <summary>Live kernel log: "kmsg", "journal" or "none".</summary>
    public string KernelLog { get; init; } = "kmsg";

    /// <summary>RAS tools run in live checks (ras-mc-ctl, mcelog, edac-util).</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Where live runs keep counters, the kernel log position and unacknowledged errors.</summary>
    public string StateFile { get; init; } = DefaultStateFile;

    /// <summary>Kill a tool or journalctl after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The default state file.</summary>
    public const string DefaultStateFile = "/var/lib/opskit/hwerr/state.json";

    /// <summary>The schema of [hwerr].</summary>
    public static ConfigTable Schema { get; } = new("hwerr", "Hardware-error check (EDAC, MCE, AER, GHES): thresholds, live sources and the state file.",
    [
        ConfigKey.Integer("ce_warn_per_day", 0, "Corrected errors one counter or log source may add within 24 hours before a live check says WARNING (0: any).", 0, long.MaxValue),
        ConfigKey.Bool("require_edac", false, "A host without EDAC memory controllers (a virtual machine) is UNKNOWN instead of OK."),
        ConfigKey.Choice("kernel_log", "kmsg", "Live kernel log: kmsg (/dev/kmsg from the last sequence number seen), journal (journalctl -k) or none.", "kmsg", "journal", "none"),
        ConfigKey.StringList("tools", "RAS tools a live check runs when installed: ras-mc-ctl (--summary), mcelog (--client), edac-util (-v)."),
        ConfigKey.String("state_file", DefaultStateFile, "State of live checks: counters, kernel log position, uncorrected errors until 'opskit hwerr ack'."),
        ConfigKey.Integer("timeout", 30, "Seconds before a tool or journalctl is killed (the check then says UNKNOWN).", 1, 3600),
    ]);

    /// <summary>Binds [hwerr]; semantic errors name the file, line and key.</summary>
    public static HwErrSettings Bind(ConfigSection s)
    {
        foreach (var t in s.GetStringList("tools"))
        {
            if (!ToolKinds.All.Contains(t)) throw s.Error("tools", $"unknown tool '{t}' (known: {string.Join(", ", ToolKinds.All)})");
        }
        var state = s.GetString("state_file");
        if (state.Length == 0) throw s.Error("state_file", "must not be empty");
        return new HwErrSettings
        {
            CeWarnPerDay = s.GetInteger("ce_warn_per_day"),
            RequireEdac = s.GetBool("require_edac"),
            KernelLog = s.GetString("kernel_log"),
            Tools = s.GetStringList("tools"),
            StateFile = state,
            Timeout = TimeSpan.FromSeconds(s.GetInteger("timeout")),
        };
    }
}
