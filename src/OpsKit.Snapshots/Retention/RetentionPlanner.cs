// The retention algorithm as a pure function: entries, now and
// a policy in, a plan out. retention_sim.py, an independent model of the same rules,
// is its cross-check: tests feed both the same schedules and require equal plans.
using System.Globalization;
using OpsKit.Core;

namespace OpsKit.Snapshots.Retention;

/// <summary>Decides what a rotation keeps and deletes, and why.</summary>
public static class RetentionPlanner
{
    private static readonly IEqualityComparer<SnapshotRecord> s_identity = ReferenceEqualityComparer.Instance;

    /// <summary>Plans a rotation of one series. Throws a usage error for an empty policy.</summary>
    public static RetentionPlan Plan(IReadOnlyList<SnapshotRecord> entries, DateTimeOffset now, RetentionPolicy policy)
    {
        if (policy.IsEmpty)
            throw OpsKitException.Usage("refusing: empty policy (no keep-* rule and no max-age); an empty policy would delete everything");
        if (policy.MinKeep < 1) throw OpsKitException.Usage($"min-keep must be at least 1, not {policy.MinKeep}");

        // Entries are distinct objects: reference identity, no hashing of nullable times (generic code the JIT would build at run time).
        var reasons = entries.ToDictionary(e => e, _ => new List<string>(), s_identity);
        var warnings = new List<string>();
        var complete = entries.Where(e => e.State == SnapshotState.Complete && e.Time is not null).ToList();
        var future = complete.Where(e => e.Time > now + policy.FutureTolerance).ToList();
        foreach (var f in future)
        {
            reasons[f].Add("future-dated (kept, check clock)");
            warnings.Add($"{f.Name} is dated in the future ({f.Time:u}); kept; check the clock");
        }
        // C: complete and not future-dated, newest first, ties by name.
        var cand = complete.Except(future, s_identity).ToList();
        cand.Sort(SnapshotRecord.NewestFirst);
        var kept = new HashSet<SnapshotRecord>(future, s_identity);
        foreach (var p in entries.Where(e => e.Pinned && e.State == SnapshotState.Complete)) Keep(p, "pinned");

        if (cand.Count > 0)
        {
            ApplyRules(cand, now, policy, reasons, kept);
            for (var i = 0; i < Math.Min(cand.Count, policy.MinKeep); i++)
                if (!kept.Contains(cand[i])) Keep(cand[i], i == 0 ? "floor (newest complete)" : $"floor #{i + 1}");
        }
        KeepNonComplete(entries, cand, reasons, kept);

        var deletions = cand.Where(e => !kept.Contains(e)).ToList();
        var partialDeletions = entries.Where(e => e.State == SnapshotState.Partial && !kept.Contains(e)).ToList();
        string? suspended = null;
        if (deletions.Count + partialDeletions.Count > 0)
        {
            var age = now - cand[0].Time!.Value;
            var staleAfter = policy.StaleAfter ?? AdaptiveStaleAfter(cand);
            if (age > staleAfter && !policy.AllowStale)
                suspended = string.Create(CultureInfo.InvariantCulture, $"stale series: newest complete snapshot is {age.TotalHours:F1} h old");
            else if (deletions.Count * 2 > cand.Count && !policy.AllowMassDelete)
                suspended = $"mass delete: {deletions.Count} of {cand.Count} complete snapshots";
        }

        var plan = new List<PlanEntry>();
        var timed = entries.Where(e => e.Time is not null).ToList();
        timed.Sort(SnapshotRecord.NewestFirst);
        var untimed = entries.Where(e => e.Time is null).ToList();
        untimed.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var ordered = timed.Concat(untimed);
        foreach (var e in ordered)
        {
            if (kept.Contains(e) || e.State is SnapshotState.Foreign or SnapshotState.Running)
                plan.Add(new PlanEntry(e, PlanAction.Keep, reasons[e]));
            else
                plan.Add(new PlanEntry(e, PlanAction.Delete, reasons[e].Where(r => r.StartsWith("capped", StringComparison.Ordinal)).ToList()));
        }
        return new RetentionPlan(plan, suspended, warnings);

        void Keep(SnapshotRecord e, string reason)
        {
            reasons[e].Add(reason);
            kept.Add(e);
        }
    }

    private static void ApplyRules(List<SnapshotRecord> cand, DateTimeOffset now, RetentionPolicy policy,
        Dictionary<SnapshotRecord, List<string>> reasons, HashSet<SnapshotRecord> kept)
    {
        void Keep(SnapshotRecord e, string reason)
        {
            reasons[e].Add(reason);
            kept.Add(e);
        }

        if (policy.KeepLast is > 0 and var last)
            for (var i = 0; i < Math.Min(last, cand.Count); i++) Keep(cand[i], $"last #{i + 1}");
        if (policy.KeepWithin is { } within)
        {
            var cut = within.SubtractFrom(cand[0].Time!.Value, policy.Zone);
            foreach (var e in cand.Where(e => e.Time >= cut)) Keep(e, $"within {within} of newest");
        }
        foreach (var period in Periods.All)
        {
            if (!policy.KeepPeriods.TryGetValue(period, out var n)) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var taken = 0;
            foreach (var e in cand)
            {
                if (!seen.Add(Periods.Bucket(e.Time!.Value, period, policy.Zone))) continue;
                if (n >= 0 && taken >= n) break;
                taken++;
                Keep(e, $"{period.Name()} #{taken}");
            }
            // Too few periods: the oldest snapshot ages on until replaced (borg >= 1.2, restic).
            if (n >= 0 && taken < n && !kept.Contains(cand[^1])) Keep(cand[^1], $"{period.Name()} [oldest]");
        }
        if (policy.MaxAgeDays is { } days)
        {
            var cut = now - TimeSpan.FromDays(days);
            var text = $"{PyFloat.Format(days)}d";
            if (!policy.HasKeepRule)
            {
                foreach (var e in cand.Where(e => e.Time >= cut)) Keep(e, $"max-age {text}");
            }
            else
            {
                foreach (var e in cand.Where(e => kept.Contains(e) && !e.Pinned && e.Time < cut).ToList())
                {
                    kept.Remove(e);
                    reasons[e].Clear();
                    reasons[e].Add($"capped by max-age {text}");
                }
            }
        }
    }

    /// <summary>Floor for states other than complete (invariants 2, 3 and 6).</summary>
    private static void KeepNonComplete(IReadOnlyList<SnapshotRecord> entries, List<SnapshotRecord> cand,
        Dictionary<SnapshotRecord, List<string>> reasons, HashSet<SnapshotRecord> kept)
    {
        foreach (var e in entries)
        {
            if (e.State == SnapshotState.Running) { reasons[e].Add("running (series lock held)"); kept.Add(e); }
            if (e.State == SnapshotState.Foreign) { reasons[e].Add($"foreign ({e.Note ?? "not ours"}), never touched"); kept.Add(e); }
        }
        var newestComplete = cand.Count > 0 ? cand[0].Time : null;
        var partials = entries.Where(e => e.State == SnapshotState.Partial).ToList();
        partials.Sort(SnapshotRecord.NewestFirst);
        if (partials.Count > 0 && (newestComplete is null || partials[0].Time > newestComplete))
        {
            reasons[partials[0]].Add("resume base (newest partial)");
            kept.Add(partials[0]);
        }
        // Dirvish's rule: with no complete snapshot left to fall back on, nothing is deleted.
        if (cand.Count == 0)
            foreach (var p in partials.Where(p => !kept.Contains(p))) { reasons[p].Add("partial (no complete snapshot yet)"); kept.Add(p); }
    }

    /// <summary>48 h, or 3 × the median gap of the last 10 complete snapshots when that is larger.</summary>
    public static TimeSpan AdaptiveStaleAfter(IReadOnlyList<SnapshotRecord> newestFirst)
    {
        var n = Math.Min(10, newestFirst.Count);
        var gaps = new long[Math.Max(0, n - 1)];
        for (var i = 0; i + 1 < n; i++) gaps[i] = (newestFirst[i].Time!.Value - newestFirst[i + 1].Time!.Value).Ticks;
        Array.Sort(gaps);
        var floor = TimeSpan.FromHours(48);
        if (gaps.Length == 0) return floor;
        var median = TimeSpan.FromTicks(gaps.Length % 2 == 1 ? gaps[gaps.Length / 2] : (long)Math.Round((gaps[gaps.Length / 2 - 1] + gaps[gaps.Length / 2]) / 2.0)); // as TimeSpan / 2 rounds
        return median * 3 > floor ? median * 3 : floor;
    }
}
