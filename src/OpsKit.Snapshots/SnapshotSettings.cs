// The [snapshot] table: defaults for create, named retention policies
// ([snapshot.policy.NAME]) and jobs ([[snapshot.job]]) that cron rotation walks.
using OpsKit.Core.Config;
using OpsKit.Snapshots.Retention;

namespace OpsKit.Snapshots;

/// <summary>One [[snapshot.job]]: a series under a root, its source and its policy.</summary>
/// <param name="Root">Snapshot root.</param>
/// <param name="Series">Series name.</param>
/// <param name="Source">rsync source (local path or host:path); empty for rotate-only jobs.</param>
/// <param name="Policy">Policy name.</param>
public sealed record SnapshotJob(string Root, string Series, string Source, string Policy)
{
    /// <summary>The root must lie on this mount ("" = no check).</summary>
    public string RequireMount { get; init; } = "";

    /// <summary>rsync --exclude-from file ("" = none).</summary>
    public string ExcludeFrom { get; init; } = "";
}

/// <summary>Bound [snapshot] settings.</summary>
public sealed record SnapshotSettings
{
    /// <summary>Named policies.</summary>
    public IReadOnlyDictionary<string, RetentionPolicy> Policies { get; init; } = new Dictionary<string, RetentionPolicy>();

    /// <summary>Jobs, in file order.</summary>
    public IReadOnlyList<SnapshotJob> Jobs { get; init; } = [];

    /// <summary>rsync options for create.</summary>
    public RsyncSettings Rsync { get; init; } = new();

    /// <summary>Zone for period buckets ("" = the host's).</summary>
    public string TimeZone { get; init; } = "";

    /// <summary>Stale-series threshold in hours (0 = adaptive).</summary>
    public double StaleAfterHours { get; init; }

    /// <summary>"snapshot check" warns when the newest complete snapshot is older ([snapshot] warn_age).</summary>
    public TimeSpan WarnAge { get; init; } = Check.CheckThresholds.Default.WarnAge;

    /// <summary>"snapshot check" is critical when the newest complete snapshot is older ([snapshot] crit_age).</summary>
    public TimeSpan CritAge { get; init; } = Check.CheckThresholds.Default.CritAge;

    private static readonly ConfigKey[] s_policyKeys =
    [
        ConfigKey.Integer("keep_last", 0, "Keep the N newest complete snapshots.", 0, 100000),
        ConfigKey.String("keep_within", "", "Keep all snapshots within this duration of the newest ([Ny][Nm][Nw][Nd][Nh], e.g. 7d)."),
        ConfigKey.Integer("keep_hourly", 0, "Newest snapshot of each of the N most recent hours (-1 = all).", -1, 100000),
        ConfigKey.Integer("keep_daily", 0, "Newest snapshot of each of the N most recent days (-1 = all).", -1, 100000),
        ConfigKey.Integer("keep_weekly", 0, "Newest snapshot of each of the N most recent ISO weeks (-1 = all).", -1, 100000),
        ConfigKey.Integer("keep_monthly", 0, "Newest snapshot of each of the N most recent months (-1 = all).", -1, 100000),
        ConfigKey.Integer("keep_yearly", 0, "Newest snapshot of each of the N most recent years (-1 = all).", -1, 100000),
        ConfigKey.Float("max_age_days", 0, "Alone: keep what is younger than D days (the old irsync rotation's rule). With keep_* rules: a hard cap."),
        ConfigKey.Integer("min_keep", 1, "Always keep this many newest complete snapshots.", 1, 100000),
    ];

    /// <summary>The schema of [snapshot].</summary>
    public static ConfigTable Schema { get; } = new("snapshot", "Incremental rsync snapshots: defaults, named retention policies and jobs (cron rotation walks the jobs).",
    [
        ConfigKey.String("tz", "", "Time zone of the day/week/month buckets (IANA name; empty: the host's zone). Snapshot names stay UTC."),
        ConfigKey.Float("stale_after_hours", 0, "A series whose newest complete snapshot is older is stale and not pruned (0: 48 h or 3x the usual gap)."),
        ConfigKey.Bool("allow_vanished", true, "Count a run as complete when rsync exits 24 (source files vanished during the copy)."),
        ConfigKey.Bool("hard_links", false, "Preserve hard links of the source (rsync -H: rsync keeps every multiply-linked file in memory, and link counts grow per snapshot)."),
        ConfigKey.Bool("acls", false, "Preserve POSIX ACLs (rsync -A)."),
        ConfigKey.Bool("xattrs", false, "Preserve extended attributes (rsync -X)."),
        ConfigKey.Bool("one_file_system", true, "Do not cross file-system boundaries in the source (rsync -x)."),
        ConfigKey.StringList("rsync_opts", "Extra rsync options for every create (--inplace and --append are refused)."),
        ConfigKey.String("rsync", "rsync", "The rsync program."),
        ConfigKey.String("warn_age", "26h", "'snapshot check' warns when a series' newest complete snapshot is older (e.g. 26h, 2d, 1d12h)."),
        ConfigKey.String("crit_age", "50h", "'snapshot check' is critical when a series' newest complete snapshot is older."),
    ])
    {
        Tables =
        [
            new ConfigTable("policy", "A named retention policy, [snapshot.policy.NAME].", s_policyKeys) { Kind = ConfigTableKind.Map },
            new ConfigTable("job", "A series to snapshot and rotate, [[snapshot.job]].",
            [
                ConfigKey.String("root", "", "Snapshot root (holds one directory per series)."),
                ConfigKey.String("series", "", "Series name (directory under the root)."),
                ConfigKey.String("source", "", "What 'snapshot create --job SERIES' copies: a local path or host:path."),
                ConfigKey.String("policy", "", "Name of a [snapshot.policy.NAME] table."),
                ConfigKey.String("require_mount", "", "Refuse unless the root lies on the file system mounted here."),
                ConfigKey.String("exclude_from", "", "rsync --exclude-from file."),
            ]) { Kind = ConfigTableKind.Array },
        ],
    };

    /// <summary>Binds [snapshot]; semantic errors name FILE:LINE:COL.</summary>
    public static SnapshotSettings Bind(ConfigSection s)
    {
        var tz = s.GetString("tz");
        TimeZoneInfo zone;
        try
        {
            zone = ZoneMath.Find(tz);
        }
        catch (OpsKit.Core.OpsKitException e)
        {
            throw s.Error("tz", e.Message);
        }
        var stale = s.GetFloat("stale_after_hours");
        var policies = new Dictionary<string, RetentionPolicy>(StringComparer.Ordinal);
        foreach (var (name, p) in s.Map("policy")) policies[name] = BindPolicy(p, zone, stale);
        var jobs = new List<SnapshotJob>();
        foreach (var j in s.Array("job"))
        {
            foreach (var key in new[] { "root", "series", "policy" })
                if (j.GetString(key).Length == 0) throw j.Error(key, "is required");
            if (!policies.ContainsKey(j.GetString("policy")))
                throw j.Error("policy", $"no [snapshot.policy.{j.GetString("policy")}] table");
            try
            {
                Store.Series.CheckName(j.GetString("series"));
            }
            catch (OpsKit.Core.OpsKitException e)
            {
                throw j.Error("series", e.Message);
            }
            jobs.Add(new SnapshotJob(j.GetString("root"), j.GetString("series"), j.GetString("source"), j.GetString("policy"))
            {
                RequireMount = j.GetString("require_mount"),
                ExcludeFrom = j.GetString("exclude_from"),
            });
        }
        var rsync = new RsyncSettings
        {
            Program = s.GetString("rsync"),
            AllowVanished = s.GetBool("allow_vanished"),
            HardLinks = s.GetBool("hard_links"),
            Acls = s.GetBool("acls"),
            Xattrs = s.GetBool("xattrs"),
            OneFileSystem = s.GetBool("one_file_system"),
            ExtraOptions = s.GetStringList("rsync_opts"),
        };
        try
        {
            RsyncSettings.CheckOptions(rsync.ExtraOptions);
        }
        catch (OpsKit.Core.OpsKitException e)
        {
            throw s.Error("rsync_opts", e.Message);
        }
        var warn = OpsKit.Core.Output.DurationText.TryParse(s.GetString("warn_age")) ?? throw s.Error("warn_age", $"bad duration '{s.GetString("warn_age")}' (e.g. 26h, 2d, 1d12h)");
        var crit = OpsKit.Core.Output.DurationText.TryParse(s.GetString("crit_age")) ?? throw s.Error("crit_age", $"bad duration '{s.GetString("crit_age")}' (e.g. 50h, 2d)");
        if (crit < warn) throw s.Error("crit_age", "is below warn_age");
        return new SnapshotSettings { Policies = policies, Jobs = jobs, Rsync = rsync, TimeZone = tz, StaleAfterHours = stale, WarnAge = warn, CritAge = crit };
    }

    private static RetentionPolicy BindPolicy(ConfigSection p, TimeZoneInfo zone, double staleHours)
    {
        var periods = new Dictionary<Period, int>();
        foreach (var period in Periods.All)
            if (p.IsSet($"keep_{period.Name()}")) periods[period] = p.GetInt32($"keep_{period.Name()}");
        CalendarDuration? within = null;
        if (p.GetString("keep_within").Length > 0)
        {
            try
            {
                within = CalendarDuration.Parse(p.GetString("keep_within"));
            }
            catch (OpsKit.Core.OpsKitException e)
            {
                throw p.Error("keep_within", e.Message);
            }
        }
        var policy = new RetentionPolicy
        {
            KeepLast = p.IsSet("keep_last") ? p.GetInt32("keep_last") : null,
            KeepWithin = within,
            KeepPeriods = periods,
            MaxAgeDays = p.IsSet("max_age_days") ? p.GetFloat("max_age_days") : null,
            MinKeep = p.GetInt32("min_keep"),
            Zone = zone,
            StaleAfter = staleHours > 0 ? TimeSpan.FromHours(staleHours) : null,
        };
        if (policy.IsEmpty) throw p.Error("has no keep_* rule and no max_age_days; an empty policy is refused");
        if (policy.MaxAgeDays is <= 0) throw p.Error("max_age_days", "must be greater than 0");
        return policy;
    }
}
