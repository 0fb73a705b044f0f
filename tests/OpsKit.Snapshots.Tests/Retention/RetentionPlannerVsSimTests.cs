// Rotation plans must equal retention_sim.py's on generated schedules (issue 7
// "Must show"): daily, hourly, DST in both directions, future-dated, stale, gaps,
// and a seeded random sweep over policies and zones.
using OpsKit.Snapshots.Retention;
using OpsKit.Testing;

namespace OpsKit.Snapshots.Tests.Retention;

public class RetentionPlannerVsSimTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static List<DateTimeOffset> Every(string from, string to, double hours)
    {
        var list = new List<DateTimeOffset>();
        for (var t = T(from); t <= T(to); t = t.AddHours(hours)) list.Add(t);
        return list;
    }

    public static TheoryData<SimCase> Schedules()
    {
        var daily = Every("2025-01-01T02:00:00Z", "2025-03-15T02:00:00Z", 24);
        var may = Every("2025-05-01T02:00:00Z", "2025-05-20T02:00:00Z", 24);
        var hourly = Every("2025-02-20T00:00:00Z", "2025-03-02T23:00:00Z", 1);
        var fallBack = Every("2025-10-25T22:00:00Z", "2025-10-26T03:30:00Z", 0.5);
        var springForward = Every("2025-03-29T22:00:00Z", "2025-03-30T03:30:00Z", 0.5);
        var future = new List<DateTimeOffset>(Every("2025-05-01T02:00:00Z", "2025-05-03T02:00:00Z", 24)) { T("2031-01-01T00:00:00Z") };
        var gaps = daily.Where((_, i) => i % 7 is not (3 or 4) && i is not (> 20 and < 40)).ToList();
        return new TheoryData<SimCase>
        {
            new("daily gfs, mass delete suspended", daily, T("2025-03-15T03:00:00Z"), "UTC", ["--keep-daily", "3", "--keep-weekly", "2", "--keep-monthly", "2"]),
            new("daily gfs, mass delete allowed", daily, T("2025-03-15T03:00:00Z"), "UTC", ["--keep-daily", "3", "--keep-weekly", "2", "--keep-monthly", "2", "--allow-mass-delete"]),
            new("origin max-age, backups stopped (stale)", may, T("2025-06-05T00:00:00Z"), "UTC", ["--max-age-days", "14"]),
            new("origin max-age, stale allowed", may, T("2025-06-05T00:00:00Z"), "UTC", ["--max-age-days", "14", "--allow-stale", "--allow-mass-delete"]),
            new("origin max-age, fresh", may, T("2025-05-20T03:00:00Z"), "UTC", ["--max-age-days", "14"]),
            new("hourly gfs in Berlin", hourly, T("2025-03-03T00:10:00Z"), "Europe/Berlin", ["--keep-hourly", "24", "--keep-daily", "7", "--keep-weekly", "-1", "--allow-mass-delete"]),
            new("DST fall-back hourly buckets", fallBack, T("2025-10-26T04:00:00Z"), "Europe/Berlin", ["--keep-hourly", "4", "--allow-mass-delete"]),
            new("DST spring-forward hourly buckets", springForward, T("2025-03-30T04:00:00Z"), "Europe/Berlin", ["--keep-hourly", "5", "--allow-mass-delete"]),
            new("DST keep-within over the jump", springForward, T("2025-03-30T04:00:00Z"), "Europe/Berlin", ["--keep-within", "2h"]),
            new("DST keep-within 1d across spring-forward", Every("2025-03-28T00:00:00Z", "2025-03-31T12:00:00Z", 1), T("2025-03-31T12:30:00Z"), "Europe/Berlin", ["--keep-within", "1d", "--allow-mass-delete"]),
            new("daily buckets at local midnight", Every("2025-11-01T03:30:00Z", "2025-11-05T06:30:00Z", 1), T("2025-11-05T07:00:00Z"), "America/New_York", ["--keep-daily", "3", "--allow-mass-delete"]),
            new("future-dated kept", future, T("2025-05-03T03:00:00Z"), "UTC", ["--keep-last", "2"]),
            new("keep-within month clamp", daily, T("2025-03-31T03:00:00Z"), "UTC", ["--keep-within", "1m", "--allow-stale"]),
            new("max-age as a cap over keep rules", daily, T("2025-03-15T03:00:00Z"), "UTC", ["--keep-weekly", "-1", "--max-age-days", "30", "--allow-mass-delete"]),
            new("min-keep floor beyond max-age", may, T("2025-05-21T00:00:00Z"), "UTC", ["--max-age-days", "2", "--min-keep", "4", "--allow-mass-delete"]),
            new("gaps: too few periods keeps the oldest", gaps, T("2025-03-15T05:00:00Z"), "UTC", ["--keep-monthly", "6", "--keep-weekly", "20"]),
            new("keep-last 0 counts as a rule", may, T("2025-05-20T03:00:00Z"), "UTC", ["--keep-last", "0", "--allow-mass-delete"]),
            new("half-day stale threshold", may, T("2025-05-21T03:00:00Z"), "UTC", ["--keep-last", "5", "--stale-after-hours", "12"]),
        };
    }

    [CrossCheckTheory(RetentionSim.Tool)]
    [MemberData(nameof(Schedules))]
    public void PlanEqualsRetentionSim(SimCase c) => AssertSame(c);

    [CrossCheckFact(RetentionSim.Tool)]
    public void RandomSchedulesPoliciesAndZonesEqualRetentionSim()
    {
        var random = new Random(7);
        string[] zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"];
        for (var i = 0; i < 30; i++)
        {
            var start = T("2024-01-01T00:00:00Z").AddMinutes(random.Next(0, 365 * 24 * 60));
            var times = new SortedSet<DateTimeOffset>();
            var t = start;
            var count = random.Next(1, 120);
            for (var k = 0; k < count; k++)
            {
                times.Add(t);
                t = t.AddMinutes(random.Next(1, 4) switch { 1 => random.Next(20, 90), 2 => random.Next(600, 2000), _ => random.Next(1, 20) * 1440 });
            }
            var now = times.Max.AddHours(random.Next(0, 4) == 0 ? random.Next(-2, 200) : random.NextDouble() * 5);
            var args = new List<string>();
            if (random.Next(3) == 0) args.AddRange(["--keep-last", random.Next(0, 6).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (random.Next(4) == 0) args.AddRange(["--keep-within", new[] { "3d", "1w", "1m", "12h", "1y2m", "2w3d" }[random.Next(6)]]);
            foreach (var p in new[] { "hourly", "daily", "weekly", "monthly", "yearly" })
                if (random.Next(3) == 0) args.AddRange([$"--keep-{p}", random.Next(-1, 8).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (args.Count == 0 || random.Next(4) == 0) args.AddRange(["--max-age-days", new[] { "7", "14", "2.5", "60" }[random.Next(4)]]);
            if (random.Next(3) == 0) args.AddRange(["--min-keep", random.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (random.Next(2) == 0) args.Add("--allow-mass-delete");
            if (random.Next(4) == 0) args.Add("--allow-stale");
            AssertSame(new SimCase($"random #{i}", [.. times], now, zones[random.Next(zones.Length)], args));
        }
    }

    private static void AssertSame(SimCase c)
    {
        var sim = RetentionSim.Run(c);
        var ours = RetentionSim.Ours(c);
        var detail = $"{c.Label} ({string.Join(' ', c.Args)}, tz {c.Zone}, now {c.Now:O})\nsim:\n  {string.Join("\n  ", sim.Lines)}\nours:\n  {string.Join("\n  ", ours.Lines)}";
        Assert.True(sim.Lines.SequenceEqual(ours.Lines), detail);
        Assert.Equal(sim.Suspended, ours.Suspended);
        // Guard: a case where nothing is deleted proves little; the named cases all delete something.
        if (!c.Label.StartsWith("random", StringComparison.Ordinal) && c.Label != "future-dated kept")
            Assert.Contains(ours.Lines, l => l.Contains(" delete", StringComparison.Ordinal) || ours.Suspended is not null);
    }
}
