// Runs retention_sim.py, the team's executable model of the retention rules (an optional cross-check tool,
// not part of the repository), on a schedule and parses its plan, so tests can compare it with ours.
using System.Globalization;
using OpsKit.Core.Processes;
using OpsKit.Snapshots;
using OpsKit.Snapshots.Retention;
using OpsKit.Testing;

namespace OpsKit.Snapshots.Tests.Retention;

/// <summary>One schedule + policy, expressed both as sim arguments and as our policy.</summary>
public sealed record SimCase(string Label, IReadOnlyList<DateTimeOffset> Times, DateTimeOffset Now, string Zone, IReadOnlyList<string> Args)
{
    /// <summary>Our policy from the same arguments (the sim's spelling of the options).</summary>
    public RetentionPolicy Policy()
    {
        var p = new RetentionPolicy { Zone = ZoneMath.Find(Zone), StaleAfter = TimeSpan.FromHours(48) };
        var periods = new Dictionary<Period, int>();
        for (var i = 0; i < Args.Count; i++)
        {
            string Next() => Args[++i];
            switch (Args[i])
            {
                case "--keep-last": p = p with { KeepLast = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--keep-within": p = p with { KeepWithin = CalendarDuration.Parse(Next()) }; break;
                case "--max-age-days": p = p with { MaxAgeDays = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--min-keep": p = p with { MinKeep = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--stale-after-hours": p = p with { StaleAfter = TimeSpan.FromHours(double.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
                case "--allow-stale": p = p with { AllowStale = true }; break;
                case "--allow-mass-delete": p = p with { AllowMassDelete = true }; break;
                default:
                    var period = Enum.Parse<Period>(Args[i]["--keep-".Length..], ignoreCase: true);
                    periods[period] = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
            }
        }
        return p with { KeepPeriods = periods };
    }

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>The sim's plan: per snapshot time, "keep"/"delete" and the reasons; plus the suspension.</summary>
public sealed record SimPlan(IReadOnlyList<string> Lines, string? Suspended);

/// <summary>Runs the sim.</summary>
public static class RetentionSim
{
    /// <summary>The model's path under the cross-check tools (tests using it are [CrossCheckFact(Tool)]).</summary>
    public const string Tool = "snapshots/retention_sim.py";

    /// <summary>The model's full path.</summary>
    public static string Script => CrossCheck.Require(Tool);

    /// <summary>Runs the sim on a case.</summary>
    public static SimPlan Run(SimCase c)
    {
        var args = new List<string> { Script, "--now", SnapshotName.Iso(c.Now), "--tz", c.Zone };
        args.AddRange(c.Args);
        var stdin = string.Join("\n", c.Times.Select(SnapshotName.Iso)) + "\n";
        var result = new ProcessRunner().RunAsync(new CommandSpec("python3", args)
        {
            StandardInput = System.Text.Encoding.UTF8.GetBytes(stdin),
            Timeout = TimeSpan.FromSeconds(30),
        }).GetAwaiter().GetResult();
        Assert.True(result.ExitCode is 0 or 3, $"retention_sim.py failed ({result.ExitCode}): {result.StandardError}");
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => Normalize(l.Replace("delete(suspended)", "delete", StringComparison.Ordinal))).ToList();
        const string marker = "# deletions suspended: ";
        var suspended = result.StandardError.Split('\n').FirstOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal))?[marker.Length..];
        return new SimPlan(lines, suspended);
    }

    /// <summary>Our plan in the sim's line format ("TIME  verb  reason, reason").</summary>
    public static SimPlan Ours(SimCase c)
    {
        var records = c.Times.Select(t => new SnapshotRecord(SnapshotName.Format(t), t, SnapshotState.Complete)).ToList();
        var plan = RetentionPlanner.Plan(records, c.Now, c.Policy());
        var lines = plan.Entries.Select(e => Normalize(
            $"{SnapshotName.Iso(e.Snapshot.Time!.Value)}  {(e.Action == PlanAction.Delete ? "delete" : "keep")} {string.Join(", ", e.Reasons)}")).ToList();
        return new SimPlan(lines, plan.Suspended);
    }

    private static string Normalize(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
