// opskit hwerr dump DIR: save the EDAC/AER sysfs files, the kernel log lines with evidence
// and the configured tools' outputs as a bundle; "hwerr check --replay DIR" reads it anywhere.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.HwErr;
using OpsKit.HwErr.Output;

namespace OpsKit.Commands.HwErr;

/// <summary>"hwerr dump".</summary>
public static class HwErrDumpCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "Directory for the bundle (created if missing)." };
        var journal = HwErrOptions.Journal();
        var root = new Option<string?>("--root") { Description = "Take DIR/sys/... and DIR/dev/kmsg instead of /sys and /dev/kmsg (re-bundle a saved tree).", HelpName = "DIR" };
        var command = new Command("dump", "Save sysfs counters, kernel log evidence and tool outputs as a bundle that 'hwerr check --replay' reads.") { dir, journal, root };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "hwerr");
            var settings = HwErrOptions.Settings(host);
            if (parse.GetValue(journal)) settings = settings with { KernelLog = "journal" };
            var target = parse.GetValue(dir)!;
            var context = host.Context;
            if (parse.GetValue(root) is { } r)
            {
                if (!Directory.Exists(r)) throw new OpsKitException($"{r}: no such directory", ExitCodes.NoInput);
                context = context.With(rootPath: Path.GetFullPath(r));
            }
            var written = await HwErrDump.WriteAsync(context, settings, target, ct).ConfigureAwait(false);
            var report = await new HwErrChecker(host.Context, settings).ReplayAsync(ReplayInputs.FromBundle(target), cancellationToken: ct).ConfigureAwait(false);
            File.WriteAllText(Path.Combine(target, "report.txt"), TextReport.Render(report));
            parse.Out.WriteLine($"saved {written.Count} files in {target}");
            parse.Out.WriteLine($"report {Path.Combine(target, "report.txt")}: HWERR {report.Status.Label()}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
