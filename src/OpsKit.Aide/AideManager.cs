// The life cycle of an AIDE setup: init (first database), check (run, keep and parse the
// report, verdict), accept (update and promote after a reviewed change), rotate (compress and
// expire archives) and status. The database is verified against its recorded digest first.
using Microsoft.Extensions.Logging;
using OpsKit.Core;

namespace OpsKit.Aide;

/// <summary>Result of init or accept.</summary>
/// <param name="Database">The promoted database.</param>
/// <param name="State">Its recorded digest.</param>
/// <param name="ArchivedDatabase">Where the previous database went, or null.</param>
/// <param name="Report">AIDE's report of the run.</param>
/// <param name="ReportPath">Where that report was kept.</param>
public sealed record AidePromotion(string Database, AideState State, string? ArchivedDatabase, AideReport Report, string ReportPath);

/// <summary>Runs the aide verbs.</summary>
public sealed class AideManager
{
    private readonly SystemContext _context;
    private readonly AideSettings _settings;
    private readonly ILogger _log;
    private readonly AideProgram _aide;

    /// <summary>Creates the manager.</summary>
    public AideManager(SystemContext context, AideSettings settings)
    {
        _context = context;
        _settings = settings;
        _log = context.Loggers.CreateLogger("aide");
        _aide = new AideProgram(context, settings, _log);
        Store = new AideStore(settings, context.Clock);
    }

    /// <summary>The files.</summary>
    public AideStore Store { get; }

    /// <summary>Runs "aide --check" against the verified database and keeps the report.</summary>
    public async Task<AideCheckResult> CheckAsync(CancellationToken ct = default)
    {
        var result = new AideCheckResult { Started = _context.Clock.GetUtcNow() };
        var started = _context.Clock.GetTimestamp();
        var aide = _aide.Locate();
        _aide.RequireConfig();
        using var held = Store.TryLock();
        if (held is null)
        {
            result.Problem = $"{_settings.LockPath}: another opskit aide run holds the lock";
            return result;
        }
        var db = Store.CheckDatabase();
        result.Database = db;
        if (db.Problem(_settings.StateFile) is { } problem)
        {
            // No database at all is a setup step not taken; anything else is a broken trust anchor.
            result.Status = !db.Exists && db.State is null && db.StateError is null ? CheckStatus.Unknown : CheckStatus.Critical;
            result.Problem = problem;
            return result;
        }
        Directory.CreateDirectory(_settings.LogDirectory);
        var temp = Store.TempReport();
        try
        {
            var run = await _aide.RunAsync(aide, "check", temp, [$"database_in=file:{_settings.DatabasePath}"], ct).ConfigureAwait(false);
            result.AideExit = run.ExitCode;
            if (run.Error is not null)
            {
                result.Problem = run.Error;
                return result;
            }
            var report = ReadReport(temp, "check");
            if (Mismatch(report, run.ExitCode) is { } mismatch)
            {
                result.Problem = mismatch;
                return result;
            }
            result.Report = report;
            Store.SaveReport(temp);
            result.ReportPath = _settings.ReportPath;
            result.Decide(_settings.CriticalPaths);
            // Nothing changed is nothing to say, also to syslog's stderr fallback under cron.
            _log.Log(result.HasChanges ? LogLevel.Information : LogLevel.Debug, "aide check: {Added} added, {Removed} removed, {Changed} changed; report {Report}", report.Added, report.Removed, report.Changed, result.ReportPath);
            return result;
        }
        catch (OpsKitException e)
        {
            result.Problem = e.Message;
            return result;
        }
        finally
        {
            TryDelete(temp);
            result.Duration = _context.Clock.GetElapsedTime(started);
        }
    }

    /// <summary>Writes the first database; with <paramref name="force"/> replaces an existing one (archived).</summary>
    public async Task<AidePromotion> InitAsync(bool force, CancellationToken ct = default)
    {
        var aide = _aide.Locate();
        _aide.RequireConfig();
        using var held = Store.Lock();
        if (File.Exists(_settings.DatabasePath) && !force)
            throw new OpsKitException($"{_settings.DatabasePath}: a database exists; 'opskit aide accept' updates it, 'opskit aide init --force' replaces it (the old one is archived)");
        return await Promote(aide, "init", [$"database_out=file:{_settings.NewDatabasePath}"], ct).ConfigureAwait(false);
    }

    /// <summary>Runs "aide --update" from the verified database and promotes the new one; the old one is archived.</summary>
    public async Task<AidePromotion> AcceptAsync(CancellationToken ct = default)
    {
        var aide = _aide.Locate();
        _aide.RequireConfig();
        using var held = Store.Lock();
        var db = Store.CheckDatabase();
        if (db.Problem(_settings.StateFile) is { } problem) throw new OpsKitException(problem + "; nothing accepted", ExitCodes.DataError);
        return await Promote(aide, "update", [$"database_in=file:{_settings.DatabasePath}", $"database_out=file:{_settings.NewDatabasePath}"], ct).ConfigureAwait(false);
    }

    private async Task<AidePromotion> Promote(string aide, string verb, string[] options, CancellationToken ct)
    {
        Directory.CreateDirectory(_settings.LogDirectory);
        var temp = Store.TempReport();
        TryDelete(_settings.NewDatabasePath);
        try
        {
            var run = await _aide.RunAsync(aide, verb, temp, options, ct).ConfigureAwait(false);
            if (run.Error is not null) throw new OpsKitException(run.Error, ActionExit(run.ExitCode));
            var report = ReadReport(temp, verb);
            var archived = Store.Promote();
            var state = Store.RecordState();
            Store.SaveReport(temp);
            _log.LogInformation("aide {Verb}: database {Database} sha256 {Sha256}", verb, _settings.DatabasePath, state.Sha256);
            return new AidePromotion(_settings.DatabasePath, state, archived, report, _settings.ReportPath);
        }
        finally
        {
            TryDelete(temp);
            TryDelete(_settings.NewDatabasePath);
        }
    }

    /// <summary>Checks a config file with "aide --config-check"; returns null when it passes, else AIDE's error.</summary>
    public async Task<string?> ConfigCheckAsync(string file, CancellationToken ct = default)
    {
        var r = await _aide.ConfigCheckAsync(_aide.Locate(), file, ct).ConfigureAwait(false);
        return r.Succeeded ? null : _aide.Explain("config-check", r) ?? AideProgram.AideErrors(r.StandardError);
    }

    /// <summary>Compresses and expires archives as of <paramref name="now"/> (null: the clock).</summary>
    public AideRotation Rotate(DateTimeOffset? now, bool dryRun)
    {
        using var held = dryRun ? null : Store.Lock();
        return AideRotation.Run(_settings, now ?? _context.Clock.GetUtcNow(), dryRun);
    }

    /// <summary>The database, the last report and the archives, read without running aide.</summary>
    public AideStatus Status()
    {
        var db = Store.CheckDatabase();
        var problem = db.Problem(_settings.StateFile);
        var status = problem is null ? CheckStatus.Ok : !db.Exists && db.State is null && db.StateError is null ? CheckStatus.Unknown : CheckStatus.Critical;
        AideReport? last = null;
        if (File.Exists(_settings.ReportPath))
        {
            try
            {
                last = AideReportParser.Parse(File.ReadAllText(_settings.ReportPath));
            }
            catch (FormatException)
            {
            }
        }
        static int Count(string dir, string prefix) =>
            Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Select(Path.GetFileName).Count(f => f!.Length > prefix.Length + 1 && f.StartsWith(prefix + ".", StringComparison.Ordinal) && char.IsAsciiDigit(f[prefix.Length + 1])) : 0;
        return new AideStatus(status, problem, db, last, Count(_settings.LogDirectory, "aide.log"), Count(_settings.DatabaseDirectory, "aide.db"));
    }

    private AideReport ReadReport(string file, string verb)
    {
        if (!File.Exists(file)) throw new OpsKitException($"aide --{verb} wrote no report to {file}", ExitCodes.IoError);
        try
        {
            return AideReportParser.Parse(File.ReadAllText(file));
        }
        catch (FormatException e)
        {
            throw new OpsKitException($"aide --{verb}: report unreadable: {e.Message}", ExitCodes.DataError, e);
        }
    }

    /// <summary>AIDE's exit bits (1 added, 2 removed, 4 changed) must agree with its summary.</summary>
    internal static string? Mismatch(AideReport r, int exit)
    {
        bool[] bits = [(exit & 1) != 0, (exit & 2) != 0, (exit & 4) != 0];
        bool[] counts = [r.Added > 0, r.Removed > 0, r.Changed > 0];
        if (bits.SequenceEqual(counts) && (r.Differences ?? false) == counts.Any(c => c)) return null;
        return $"aide exit {exit} does not match its report ({r.Added} added, {r.Removed} removed, {r.Changed} changed); not trusting either";
    }

    private static int ActionExit(int aideExit) => aideExit switch
    {
        17 => ExitCodes.Config,
        14 or 18 => ExitCodes.IoError,
        _ => ExitCodes.Failed,
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>What "aide status" shows.</summary>
/// <param name="Status">OK trusted, CRITICAL untrusted, UNKNOWN no database.</param>
/// <param name="Problem">Why not OK.</param>
/// <param name="Database">The database check.</param>
/// <param name="LastReport">aide.log parsed, or null.</param>
/// <param name="ArchivedReports">Archived reports kept.</param>
/// <param name="ArchivedDatabases">Archived databases kept.</param>
public sealed record AideStatus(CheckStatus Status, string? Problem, DatabaseCheck Database, AideReport? LastReport, int ArchivedReports, int ArchivedDatabases);
