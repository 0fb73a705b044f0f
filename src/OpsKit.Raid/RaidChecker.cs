// Runs a check: chooses backends (forced, detected or inferred from a bundle), runs each
// through its tool source, and applies the no-RAID state when nothing was found.
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Raid.Backends;
using OpsKit.Raid.Detection;
using OpsKit.Raid.Model;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid;

/// <summary>Runs "raid check", live or from a bundle.</summary>
public sealed class RaidChecker(SystemContext context, RaidSettings settings)
{
    private readonly ILogger _log = context.Loggers.CreateLogger("raid");

    /// <summary>Checks a saved bundle; <paramref name="backends"/> empty: inferred from the file names.</summary>
    public async Task<RaidReport> ReplayAsync(string directory, IReadOnlyList<string> backends, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory)) throw new OpsKitException($"{directory}: no such directory", ExitCodes.NoInput);
        var files = Directory.EnumerateFiles(directory).Select(f => Path.GetFileName(f)).ToList();
        var chosen = backends.Count > 0
            ? backends.Select(Require).ToList()
            : RaidBackends.All.Where(b => b.Claims(files)).ToList();
        if (chosen.Count == 0)
            throw OpsKitException.BadData($"{directory}: no known tool output (file names such as mdstat.txt, pdlist.txt, show.txt, cALL_show_all_J.json; see 'opskit raid dump')");
        var source = new ReplayToolSource(directory);
        return await Run(chosen.Select(b => (b, b.Programs.FirstOrDefault() ?? b.Name)).ToList(), source, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks this host: the configured backends, or the detected ones.</summary>
    public async Task<RaidReport> CheckAsync(CancellationToken cancellationToken = default) =>
        await RunLive(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs the backends live and saves every output in <paramref name="directory"/> (a support bundle).</summary>
    public async Task<(RaidReport Report, RecordingToolSource Recorder)> DumpAsync(string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var recorder = new RecordingToolSource(Live(), directory);
        return (await RunLive(recorder, cancellationToken).ConfigureAwait(false), recorder);
    }

    private async Task<RaidReport> RunLive(IToolSource? source, CancellationToken ct)
    {
        var notes = new List<RaidNote>();
        List<(IRaidBackend, string)> chosen;
        if (settings.Backends.Count > 0)
        {
            chosen = [];
            foreach (var backend in settings.Backends.Select(Require))
            {
                var program = backend.Programs.Count == 0 ? backend.Name : ToolLocator.Find(backend, context, settings);
                if (program is null) notes.Add(new RaidNote(CheckStatus.Unknown, $"{backend.Name}: none of {string.Join(", ", backend.Programs)} found on PATH, [raid] tool_paths or vendor directories"));
                else chosen.Add((backend, program));
            }
        }
        else
        {
            var detection = RaidDetector.Detect(context, settings);
            notes.AddRange(detection.Problems);
            chosen = detection.Selected.Select(d => (d.Backend, d.Program ?? d.Backend.Name)).ToList();
        }
        return await Run(chosen, source ?? Live(), notes, ct).ConfigureAwait(false);
    }

    private LiveToolSource Live() => new(context, settings.Timeout, settings.Sudo, _log);

    private async Task<RaidReport> Run(List<(IRaidBackend Backend, string Program)> chosen, IToolSource source, List<RaidNote> notes, CancellationToken ct)
    {
        var started = context.Clock.GetTimestamp();
        var report = new RaidReport { Started = context.Clock.GetUtcNow() };
        report.Notes.AddRange(notes);
        var others = new Dictionary<string, string>();
        if (!source.IsReplay && ToolLocator.FindProgram(["mdadm"], context, settings) is { } mdadm) others["mdadm"] = mdadm;
        foreach (var (backend, program) in chosen)
        {
            using var scope = _log.BeginScope(backend.Name);
            var tool = new ToolContext(source, program, settings.Policy, _log) { OtherPrograms = others };
            var result = await backend.CheckAsync(tool, ct).ConfigureAwait(false);
            _log.LogDebug("{Backend} finished: {Status}", backend.Name, result.NothingFound ? "nothing found" : result.Status.Label());
            report.Backends.Add(result);
        }
        if (report.Notes.Count == 0 && report.Backends.All(b => b.NothingFound))
        {
            var what = chosen.Count == 0 ? "no RAID controller, RAID tool or md array found" : $"no controller or array found by {string.Join(", ", chosen.Select(c => c.Backend.Name))}";
            report.Notes.Add(new RaidNote(settings.Policy.NoRaidState, what));
        }
        report.Duration = context.Clock.GetElapsedTime(started);
        return report;
    }

    private static IRaidBackend Require(string name) =>
        RaidBackends.Find(name) ?? throw OpsKitException.Usage($"unknown backend '{name}' (known: {string.Join(", ", RaidBackends.Names)})");
}
