// Runs rsync through the context's runner: captured and silent (cron, tests), or with
// stdout streamed to ours when progress is wanted.
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Snapshots.Create;

/// <summary>rsync's exit status and error text.</summary>
/// <param name="Code">Exit status (127: could not start).</param>
/// <param name="Error">stderr.</param>
public readonly record struct RsyncExit(int Code, string Error);

/// <summary>Starts rsync.</summary>
public static class RsyncRunner
{
    /// <summary>Runs rsync to completion; cancellation kills it (the partial run stays for resuming).</summary>
    public static async Task<RsyncExit> RunAsync(SystemContext context, string program, IReadOnlyList<string> args, bool progress, ILogger log, CancellationToken ct)
    {
        // With progress (stderr is a terminal), rsync's stdout, its progress2 line rewritten with \r, goes to our
        // stderr as it comes and is blanked at the end; stdout stays for results. rsync's stderr is kept for the error text.
        using var terminal = progress ? OpsKit.Core.Output.StandardStreams.Error() : null;
        var spec = new CommandSpec(program, args) { StreamStandardOutput = terminal };
        log.LogDebug("Running {Command}", spec.Display);
        var r = await context.Runner.RunAsync(spec, ct).ConfigureAwait(false);
        if (terminal is not null)
        {
            using var w = new StreamWriter(terminal, leaveOpen: true);
            OpsKit.Core.Output.ProgressLine.Clear(w);
        }
        if (r.StartError is not null) throw OpsKitException.Unavailable($"cannot run {program}: {r.StartError} (install rsync)");
        return new RsyncExit(r.ExitCode, r.StandardError);
    }
}
