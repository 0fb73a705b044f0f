// Verdicts for one md array.
using OpsKit.Core;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Backends;

/// <summary>md verdict rules.</summary>
internal static class MdstatRules
{
    private static readonly HashSet<string> s_noRedundancy = ["raid0", "linear", "multipath", "faulty"];

    public static void Judge(RaidController md, MdArray a, RaidPolicy policy, string? sysfsState, string? mdadmState, bool checkRunning)
    {
        var (status, reason) = Verdict(a, policy, checkRunning);
        if (sysfsState == "broken")
        {
            status = CheckStatus.Critical;
            reason = Join(reason, "sysfs array_state broken (a member is missing)");
        }
        if (policy.SpareCounts.TryGetValue(a.Name, out var want))
        {
            var have = a.Members.Count(m => m.Spare);
            if (have < want)
            {
                status = CheckStatuses.Worst(status, CheckStatus.Warning);
                reason = Join(reason, $"{have} spare(s), {want} expected");
            }
        }
        if (mdadmState is not null) reason = Join(reason, $"mdadm: {mdadmState}");
        var words = new List<string> { a.Active ? "active" : "inactive" };
        if (a.ReadOnly is not null) words.Add($"({a.ReadOnly})");
        if (a.Total is not null) words.Add($"[{a.Total}/{a.Working}] [{a.Map}]");
        md.Add(new RaidItem(RaidItemKind.Array, a.Name, string.Join(' ', words), status)
        {
            Reason = reason,
            Level = a.Level,
            Activity = a.Delayed is null ? a.Action : $"{a.Action} {a.Delayed.ToLowerInvariant()}",
            Progress = a.Progress,
        });
        foreach (var m in a.Members)
        {
            var state = m.Faulty ? "faulty" : m.Spare ? "spare" : "in_sync";
            md.Add(new RaidItem(RaidItemKind.Disk, m.Device, state, m.Faulty ? CheckStatus.Warning : CheckStatus.Ok)
            {
                Array = a.Name,
                Reason = m.Faulty ? "member marked (F) failed" : null,
            });
        }
    }

    private static (CheckStatus, string?) Verdict(MdArray a, RaidPolicy policy, bool checkRunning)
    {
        if (!a.Active)
        {
            // IMSM/DDF containers are listed as inactive arrays of spares; they are not arrays to alert on.
            return a.External || (a.Members.Count > 0 && a.Members.All(m => m.Spare))
                ? (CheckStatus.Ok, "external metadata container")
                : (CheckStatus.Critical, "array is inactive");
        }
        var ro = a.ReadOnly is null ? null : a.ReadOnly;
        if (a.Map is null) return (CheckStatus.Ok, ro);
        var missing = a.Map.Count(c => c == '_');
        var progress = a.Progress is { } p ? $" {p:0.0#}%" : a.Delayed is { } d ? $" {d.ToLowerInvariant()}" : "";
        var running = a.Action is "resync" or "recovery" or "reshape";
        if (missing > 0)
        {
            var lost = $"{missing} of {a.Total} members missing";
            if (running || a.Delayed is not null)
            {
                var redundancy = RedundancyLeft(a.Level, missing) ? "" : ", no redundancy left until it finishes";
                return (policy.ResyncState, $"{lost}, {a.Action}{progress}{redundancy}");
            }
            return (CheckStatus.Critical, $"{lost}, no rebuild running");
        }
        if (a.Action is "check" or "repair") return (policy.CheckState, $"{a.Action}{progress}");
        // A complete array whose resync waits (DELAYED) behind another array's check is part of that check.
        if (a.Delayed is not null && checkRunning) return (policy.CheckState, $"{a.Action}{progress} behind a running check");
        if (running) return (policy.ResyncState, $"{a.Action}{progress}");
        return (CheckStatus.Ok, ro);
    }

    private static bool RedundancyLeft(string? level, int missing) => level switch
    {
        "raid6" => missing < 2,
        _ when level is not null && s_noRedundancy.Contains(level) => false,
        _ => missing < 1,
    };

    private static string Join(string? a, string b) => a is null ? b : $"{a}; {b}";
}
