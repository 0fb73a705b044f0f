// Verdicts for 3ware units, ports, BBU and enclosures:
// VERIFYING is the check state, REBUILDING the resync state, INITIALIZING/MIGRATING
// WARNING, any drive state but OK/VERIFYING CRITICAL (even inside a rebuilding unit).
using OpsKit.Core;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Backends;

/// <summary>3ware verdict rules.</summary>
internal static class TwCliRules
{
    public static RaidItem Unit(string[] t, RaidPolicy policy)
    {
        var status = t.Length > 2 ? t[2] : "?";
        var (verdict, activity) = status switch
        {
            "OK" => (CheckStatus.Ok, (string?)null),
            "VERIFYING" or "VERIFY-PAUSED" => (policy.CheckState, "verify"),
            "INITIALIZING" or "INIT-PAUSED" => (CheckStatus.Warning, "initialize"),
            "MIGRATING" or "MIGRATE-PAUSED" => (CheckStatus.Warning, "migrate"),
            "REBUILDING" or "REBUILD-PAUSED" => (policy.ResyncState, "rebuild"),
            _ => (CheckStatus.Critical, null),
        };
        var progress = TwCliParser.Percent(activity == "rebuild" ? At(t, 3) : At(t, 4));
        var reason = verdict == CheckStatus.Critical ? $"unit {status}" : activity is null ? null : $"{activity} {progress}%";
        return new RaidItem(RaidItemKind.Array, t[0], status, verdict) { Level = At(t, 1), Activity = activity, Progress = activity is null ? null : progress, Reason = reason };
    }

    public static RaidItem? Drive(string[] t, RaidPolicy policy)
    {
        var status = t[1];
        if (status == "NOT-PRESENT") return null;
        var verdict = status switch
        {
            "OK" => CheckStatus.Ok,
            "VERIFYING" => policy.CheckState,
            _ => CheckStatus.Critical,
        };
        var unit = At(t, 2);
        return new RaidItem(RaidItemKind.Disk, t[0], status, verdict)
        {
            Array = unit is null or "-" ? null : unit,
            Reason = verdict == CheckStatus.Critical ? $"drive {status}" : unit == "-" ? "spare or unassigned" : null,
        };
    }

    /// <summary>Name OnlineState BBUReady Status Volt Temp Hours LastCapTest.</summary>
    public static RaidItem Battery(string[] t, RaidPolicy policy)
    {
        var reasons = new List<string>();
        var verdict = CheckStatus.Ok;
        void Flag(CheckStatus s, string why) { verdict = CheckStatuses.Worst(verdict, s); reasons.Add(why); }
        var status = At(t, 3) ?? "?";
        if (status is "Testing" or "Charging") Flag(policy.BbuLearnState, $"BBU {status.ToLowerInvariant()}");
        else if (status == "WeakBat") Flag(CheckStatus.Warning, "weak battery");
        else if (status != "OK") Flag(CheckStatus.Critical, $"BBU status {status}");
        if (At(t, 1) is { } online && online != "On") Flag(CheckStatus.Critical, $"OnlineState {online}");
        foreach (var (i, what) in new[] { (4, "voltage"), (5, "temperature") })
        {
            var v = At(t, i);
            if (v is null or "OK") continue;
            Flag(v is "LOW" or "HIGH" ? CheckStatus.Warning : CheckStatus.Critical, $"{what} {v}");
        }
        if (int.TryParse(At(t, 6), out var hours) && hours <= 1) Flag(policy.BbuLearnState, $"estimated {hours} h (capacity test)");
        if (At(t, 7) == "xx-xxx-xxxx") Flag(policy.BbuLearnState, "capacity test pending");
        return new RaidItem(RaidItemKind.Battery, t[0], status, verdict) { Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null };
    }

    /// <summary>The BBU column of "show" when no bbustatus was captured.</summary>
    public static RaidItem? BatteryColumn(string value, RaidPolicy policy) => value switch
    {
        "-" => null,
        "OK" => new RaidItem(RaidItemKind.Battery, "bbu", value, CheckStatus.Ok),
        "Testing" or "Charging" => new RaidItem(RaidItemKind.Battery, "bbu", value, policy.BbuLearnState) { Reason = $"BBU {value.ToLowerInvariant()}" },
        "WeakBat" => new RaidItem(RaidItemKind.Battery, "bbu", value, CheckStatus.Warning) { Reason = "weak battery" },
        _ => new RaidItem(RaidItemKind.Battery, "bbu", value, CheckStatus.Critical) { Reason = $"BBU {value}" },
    };

    public static RaidItem? EnclosurePart(string enclosure, (string Section, string Id, string Status) p)
    {
        if (p.Status is "NOT-REPORTABLE" or "NOT-INSTALLED" or "NO-DEVICE") return null;
        var id = p.Id.StartsWith('/') ? p.Id : $"{enclosure}/{p.Id}";
        return new RaidItem(RaidItemKind.Enclosure, id, p.Status, p.Status == "OK" ? CheckStatus.Ok : CheckStatus.Warning)
        {
            Reason = p.Status == "OK" ? null : $"{p.Section} {p.Status}",
        };
    }

    private static string? At(string[] t, int i) => i < t.Length ? t[i] : null;
}
