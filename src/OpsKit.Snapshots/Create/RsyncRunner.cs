// Runs rsync: through the context's runner (captured, silent: cron and tests),
// or with stdout on the terminal when progress is wanted.
using System.Diagnostics;
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
        var spec = new CommandSpec(program, args);
        log.LogDebug("Running {Command}", spec.Display);
        if (!progress)
        {
            var r = await context.Runner.RunAsync(spec, ct).ConfigureAwait(false);
            if (r.StartError is not null) throw OpsKitException.Unavailable($"cannot run {program}: {r.StartError} (install rsync)");
            return new RsyncExit(r.ExitCode, r.StandardError);
        }
        var psi = new ProcessStartInfo(ExecutableLocator.Find(program) ?? throw OpsKitException.Unavailable($"{program} not found (install rsync)"))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw OpsKitException.Unavailable($"cannot start {program}");
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new RsyncExit(process.ExitCode, await stderr.ConfigureAwait(false));
    }
}
