// Runs a check. A replay reads only what it is given (--root sysfs tree, --log files,
// --from tool outputs) and judges values as they are. A live run reads /sys, the kernel
// log from where the last run stopped and the configured tools, and judges through the
// state file: corrected errors by their increase within 24 hours (ce_warn_per_day),
// uncorrected ones stay CRITICAL until "hwerr ack".
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.HwErr.Model;
using OpsKit.HwErr.Sources;

namespace OpsKit.HwErr;

/// <summary>What a replay reads.</summary>
public sealed record ReplayInputs
{
    /// <summary>A directory holding sys/... (like node_exporter's --path.sysfs parent); null: no sysfs.</summary>
    public string? Root { get; init; }

    /// <summary>Saved kernel logs; "-" is stdin.</summary>
    public IReadOnlyList<string> Logs { get; init; } = [];

    /// <summary>Saved tool outputs as (kind, file).</summary>
    public IReadOnlyList<(string Kind, string File)> Tools { get; init; } = [];

    /// <summary>True when nothing is given.</summary>
    public bool IsEmpty => Root is null && Logs.Count == 0 && Tools.Count == 0;

    /// <summary>The inputs of a bundle written by "hwerr dump": DIR/sys, DIR/kernel.log, DIR/KIND.txt.</summary>
    public static ReplayInputs FromBundle(string dir)
    {
        if (!Directory.Exists(dir)) throw new OpsKitException($"{dir}: no such directory", ExitCodes.NoInput);
        var inputs = new ReplayInputs
        {
            Root = Directory.Exists(Path.Combine(dir, "sys")) ? dir : null,
            Logs = File.Exists(Path.Combine(dir, HwErrDump.LogFile)) ? [Path.Combine(dir, HwErrDump.LogFile)] : [],
            Tools = Parsing.ToolKinds.All.Select(k => (k, Path.Combine(dir, k + ".txt"))).Where(t => File.Exists(t.Item2)).ToList(),
        };
        if (inputs.IsEmpty) throw OpsKitException.BadData($"{dir}: no sys/, {HwErrDump.LogFile} or tool output (see 'opskit hwerr dump')");
        return inputs;
    }
}

/// <summary>Runs "hwerr check".</summary>
public sealed class HwErrChecker(SystemContext context, HwErrSettings settings)
{
    private static readonly TimeSpan s_window = TimeSpan.FromHours(24);
    private readonly ILogger _log = context.Loggers.CreateLogger("hwerr");

    /// <summary>The path of the boot id.</summary>
    public const string BootIdPath = "/proc/sys/kernel/random/boot_id";

    /// <summary>Sources of the last run that saw log lines or tool output ("hwerr dump" saves them).</summary>
    public List<IHwErrSource> LastSources { get; } = [];

    /// <summary>Checks saved inputs; with <paramref name="statePath"/> the state logic of a live run applies to them too.</summary>
    public async Task<HwErrReport> ReplayAsync(ReplayInputs inputs, string? statePath = null, Func<Stream>? stdin = null, CancellationToken cancellationToken = default)
    {
        if (inputs.IsEmpty) throw OpsKitException.Usage("nothing to replay: give --root, --log or --from");
        if (inputs.Root is { } r && !Directory.Exists(r)) throw new OpsKitException($"{r}: no such directory", ExitCodes.NoInput);
        var sources = new List<IHwErrSource>();
        var ctx = inputs.Root is null ? context : context.With(rootPath: Path.GetFullPath(inputs.Root));
        if (inputs.Root is not null) sources.AddRange([new EdacSysfsSource(), new AerSysfsSource()]);
        sources.AddRange(inputs.Logs.Select(l => new LogFileSource(l, stdin)));
        sources.AddRange(inputs.Tools.Select(t => new ToolSource(t.Kind, t.File, settings.Timeout)));
        HwErrState? state = statePath is null ? null : HwErrState.Load(statePath);
        var report = await Run(ctx, sources, live: statePath is not null, inputs.Root is not null, state, cancellationToken).ConfigureAwait(false);
        if (state is not null) state.Save(statePath!);
        return report;
    }

    /// <summary>Checks this host (or the root of the context): sysfs, the kernel log, the configured tools.</summary>
    public async Task<HwErrReport> LiveAsync(string statePath, CancellationToken cancellationToken = default)
    {
        var state = HwErrState.Load(statePath);
        var bootId = ReadBootId();
        if (state.BootId is not null && bootId is not null && state.BootId != bootId)
        {
            _log.LogInformation("New boot since the last run: counters and the kernel log position start afresh");
            state.Values.Clear();
            state.KmsgSequence = -1;
        }
        state.BootId = bootId ?? state.BootId;
        var sources = new List<IHwErrSource> { new EdacSysfsSource(), new AerSysfsSource() };
        KmsgSource? kmsg = null;
        switch (settings.KernelLog)
        {
            case "kmsg":
                sources.Add(kmsg = new KmsgSource(state.KmsgSequence));
                break;
            case "journal":
                sources.Add(new JournalSource(statePath + ".journal-cursor", settings.Timeout));
                break;
        }
        sources.AddRange(settings.Tools.Select(t => new ToolSource(t, null, settings.Timeout)));
        var report = await Run(context, sources, live: true, sysfs: true, state, cancellationToken).ConfigureAwait(false);
        if (kmsg is not null) state.KmsgSequence = kmsg.LastSequence;
        state.Save(statePath);
        return report;
    }

    /// <summary>Forgets the unacknowledged uncorrected errors; returns them.</summary>
    public static IReadOnlyList<PendingError> Acknowledge(string statePath)
    {
        var state = HwErrState.Load(statePath);
        var acked = state.Uncorrected.ToList();
        state.Uncorrected.Clear();
        if (File.Exists(statePath) || acked.Count > 0) state.Save(statePath);
        return acked;
    }

    private string? ReadBootId()
    {
        try
        {
            var p = context.HostPath(BootIdPath);
            return File.Exists(p) ? File.ReadAllText(p).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<HwErrReport> Run(SystemContext ctx, List<IHwErrSource> sources, bool live, bool sysfs, HwErrState? state, CancellationToken ct)
    {
        var started = ctx.Clock.GetTimestamp();
        var now = ctx.Clock.GetUtcNow();
        var report = new HwErrReport { Started = now, Live = live };
        LastSources.Clear();
        foreach (var source in sources)
        {
            using var scope = _log.BeginScope(source.Name);
            var result = await source.ReadAsync(ctx, ct).ConfigureAwait(false);
            _log.LogDebug("{Source} {Origin}: {Status}, {Count} observations", source.Name, result.Origin, result.Status.Label(), result.Observations.Count);
            report.Sources.Add(result);
            LastSources.Add(source);
        }
        if (sysfs && !EdacSysfsSource.Present(ctx))
        {
            report.Notes.Add(new HwErrNote(settings.RequireEdac ? CheckStatus.Unknown : CheckStatus.Ok,
                $"no EDAC memory controller under {ctx.HostPath(EdacSysfsSource.McDirectory)} (a virtual machine, or no EDAC driver loaded): memory errors are not counted"
                + (settings.RequireEdac ? " and [hwerr] require_edac is set" : "")));
        }
        if (state is not null) Judge(report, state, now);
        report.Duration = ctx.Clock.GetElapsedTime(started);
        return report;
    }

    private void Judge(HwErrReport report, HwErrState state, DateTimeOffset now)
    {
        // Saved logs share their keys ("log/edac/mc0/..."): the file name keeps them apart in the state.
        static string StateKey(SourceReport s, Observation o) => s.Source == "log" && o.IsCounter ? $"{s.Origin}#{o.Key}" : o.Key;
        var all = report.Sources.SelectMany(s => s.Observations.Select(o => (Key: StateKey(s, o), Observation: o))).ToList();
        foreach (var (key, o) in all)
        {
            long increase;
            if (o.IsCounter)
            {
                // A counter below its last value was reset (driver reload, log rotation): all of it is new.
                increase = state.Values.TryGetValue(key, out var last) && o.Value >= last ? o.Value - last : o.Value;
                state.Values[key] = o.Value;
            }
            else increase = o.Value;
            o.Increase = increase;
            var evidence = o.Evidence.FirstOrDefault();
            if (increase > 0 && o.Severity == Severity.Uncorrected)
                state.Uncorrected.Add(new PendingError(now, key, o.Severity, increase, o.What, evidence));
            else if (increase > 0 && o.Severity is Severity.Corrected or Severity.Thermal)
                state.Recent.Add(new PendingError(now, key, o.Severity, increase, o.What, evidence));
        }
        state.Recent.RemoveAll(e => now - e.Time > s_window);
        foreach (var (key, o) in all)
        {
            switch (o.Severity)
            {
                case Severity.Corrected or Severity.Thermal:
                    var recent = state.Recent.Where(e => e.Key == key).Sum(e => e.Count);
                    o.Last24Hours = recent;
                    o.Judge = recent > settings.CeWarnPerDay ? recent : 0;
                    break;
                case Severity.Uncorrected:
                    // The pending list decides: it keeps the error past reboots until "hwerr ack".
                    o.Judge = 0;
                    break;
            }
        }
        report.Pending.AddRange(state.Uncorrected);
        state.LastRun = now;
    }
}
