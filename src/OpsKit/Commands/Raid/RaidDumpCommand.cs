// opskit raid dump DIR: run every detected (or given) backend's commands and save each
// output under its bundle file name, plus the text report; replay with "check --replay DIR".
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Raid;
using OpsKit.Raid.Output;

namespace OpsKit.Commands.Raid;

/// <summary>"raid dump".</summary>
public static class RaidDumpCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "Directory for the support bundle (created if missing)." };
        var backend = RaidOptions.Backend();
        var timeout = RaidOptions.Timeout();
        var command = new Command("dump", "Save the output of every RAID tool command as a support bundle that 'raid check --replay' reads.") { dir, backend, timeout };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "raidchk");
            var settings = RaidOptions.Settings(host, new RaidOverrides { Backends = parse.GetValue(backend) ?? [], TimeoutSeconds = parse.GetValue(timeout) });
            var target = parse.GetValue(dir)!;
            var (report, recorder) = await new RaidChecker(host.Context, settings).DumpAsync(target, ct).ConfigureAwait(false);
            File.WriteAllText(Path.Combine(target, "report.txt"), TextReport.Render(report));
            foreach (var f in recorder.Written) parse.Out.WriteLine($"saved {Path.Combine(target, f)}");
            foreach (var f in recorder.Failures) parse.Out.WriteLine($"failed {f}");
            parse.Out.WriteLine($"report {Path.Combine(target, "report.txt")}: RAID {report.Status.Label()}");
            if (recorder.Written.Count == 0) throw OpsKitException.Unavailable($"nothing saved in {target}: no RAID tool or md array found, or every command failed");
            return recorder.Failures.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
