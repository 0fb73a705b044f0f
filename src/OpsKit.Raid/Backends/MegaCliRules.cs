// Verdicts for MegaCli/CmdTool2 disks, logical drives and BBUs (LSI MegaRAID,
// Dell PERC): predictive failure is WARNING, a write cache fallen
// back to write-through is the cache-fail state, an empty "Battery state:" line of
// old MegaCli is not a fault by itself.
using OpsKit.Core;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Backends;

/// <summary>MegaCli verdict rules.</summary>
internal static class MegaCliRules
{
    private static readonly HashSet<string> s_goodDisk = new(StringComparer.OrdinalIgnoreCase) { "Online", "Hotspare", "Unconfigured(good)", "JBOD" };

    public static RaidItem Disk(MegaDisk d, RaidPolicy policy)
    {
        var state = (d.State ?? "").Split(',')[0].Trim();
        var reasons = new List<string>();
        CheckStatus status;
        if (d.State is null) { status = CheckStatus.Unknown; reasons.Add("no 'Firmware state' line"); }
        else if (s_goodDisk.Contains(state)) status = CheckStatus.Ok;
        else if (state.StartsWith("Rebuild", StringComparison.OrdinalIgnoreCase) || state.StartsWith("Copyback", StringComparison.OrdinalIgnoreCase))
        {
            status = policy.ResyncState;
            reasons.Add(state.ToLowerInvariant());
        }
        else { status = CheckStatus.Critical; reasons.Add($"disk {state}"); }
        if (d.Predictive > 0)
        {
            status = CheckStatuses.Worst(status, CheckStatus.Warning);
            reasons.Add($"predictive failure count {d.Predictive}");
        }
        if (d.SmartAlert)
        {
            status = CheckStatuses.Worst(status, CheckStatus.Warning);
            reasons.Add("S.M.A.R.T alert flagged");
        }
        return new RaidItem(RaidItemKind.Disk, d.Id, state.Length > 0 ? state : "?", status)
        {
            Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
            PredictiveFailures = d.Predictive,
            MediaErrors = d.MediaErrors,
            TemperatureCelsius = d.Temperature,
        };
    }

    public static RaidItem? Logical(MegaLogical ld, RaidPolicy policy)
    {
        if (ld.CacheCade) return null; // an SSD cache, not an array (check_raid #91)
        var state = ld.State ?? "";
        var reasons = new List<string>();
        var status = state.Equals("Optimal", StringComparison.OrdinalIgnoreCase) ? CheckStatus.Ok : CheckStatus.Critical;
        if (ld.State is null) { status = CheckStatus.Unknown; reasons.Add("no 'State' line"); }
        else if (status != CheckStatus.Ok) reasons.Add($"logical drive {state}");
        if (ld.CurrentCache is { } cur && ld.DefaultCache is { } def
            && cur.Contains("WriteThrough", StringComparison.OrdinalIgnoreCase) && def.Contains("WriteBack", StringComparison.OrdinalIgnoreCase))
        {
            status = CheckStatuses.Worst(status, policy.CacheFailState);
            reasons.Add("write cache fell back to WriteThrough (default WriteBack)");
        }
        if (ld.Activity is { } act)
        {
            var s = act == "Check Consistency" || act.Contains("Initialization", StringComparison.Ordinal) ? policy.CheckState : policy.ResyncState;
            status = CheckStatuses.Worst(status, s);
            reasons.Add($"{act} {ld.Progress}%");
        }
        var id = string.IsNullOrEmpty(ld.Name) ? ld.Id : $"{ld.Id} ({ld.Name})";
        return new RaidItem(RaidItemKind.Array, id, state.Length > 0 ? state : "?", status)
        {
            Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
            Level = ld.Level,
            Activity = ld.Activity,
            Progress = ld.Progress,
        };
    }

    public static RaidItem? Battery(MegaBattery b, RaidPolicy policy)
    {
        if (b.Absent) return null; // no BBU fitted: not an error
        var state = b.Get("Battery State") ?? "";
        var reasons = new List<string>();
        var status = CheckStatus.Ok;
        void Flag(CheckStatus s, string why) { status = CheckStatuses.Worst(status, s); reasons.Add(why); }
        if (Yes(b.Get("Battery Replacement required"))) Flag(CheckStatus.Critical, "battery replacement required");
        if (Yes(b.Get("Battery Pack Missing"))) Flag(CheckStatus.Critical, "battery pack missing");
        if (Yes(b.Get("Pack is about to fail & should be replaced"))) Flag(CheckStatus.Critical, "pack about to fail");
        foreach (var key in new[] { "Voltage", "Temperature" })
        {
            if (b.Get(key) is { } v && !v.Equals("OK", StringComparison.OrdinalIgnoreCase)) Flag(CheckStatus.Critical, $"{key.ToLowerInvariant()} {v}");
        }
        var learning = Yes(b.Get("Learn Cycle Active"));
        var charging = b.Get("Charging Status") is { } cs && !cs.Equals("None", StringComparison.OrdinalIgnoreCase);
        var good = state.Equals("Optimal", StringComparison.OrdinalIgnoreCase) || state.Equals("Operational", StringComparison.OrdinalIgnoreCase);
        if (learning) Flag(policy.BbuLearnState, "learn cycle active");
        else if (state.Length > 0 && !good)
        {
            if (charging) Flag(policy.BbuLearnState, $"state {state} while {b.Get("Charging Status")!.ToLowerInvariant()}");
            else Flag(CheckStatus.Critical, $"battery state {state}");
        }
        var temp = b.Get("Temperature reading") is { } t && double.TryParse(t.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : (double?)null;
        return new RaidItem(RaidItemKind.Battery, "bbu", state.Length > 0 ? state : "-", status)
        {
            Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
            Level = b.Get("BatteryType"),
            TemperatureCelsius = temp,
        };
    }

    private static bool Yes(string? v) => v is not null && v.StartsWith("Yes", StringComparison.OrdinalIgnoreCase);
}
