// opskit raid detect: what was found (SCSI vendors, PCI drivers, md arrays, tools) and
// which backends a check would run. Nothing found: the no-RAID state (UNKNOWN by default).
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Raid;
using OpsKit.Raid.Detection;
using OpsKit.Raid.Output;

namespace OpsKit.Commands.Raid;

/// <summary>"raid detect".</summary>
public static class RaidDetectCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = ReportFormat.JsonOnly();
        var noraid = RaidOptions.State("noraid-state", "nothing is found", "UNKNOWN");
        var command = new Command("detect", "List RAID controllers, md arrays and vendor tools found, and the backends a check would run.") { noraid };
        format.AddTo(command);
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "raidchk");
            var settings = RaidOptions.Settings(host, new RaidOverrides { NoRaidState = parse.GetValue(noraid) });
            var result = RaidDetector.Detect(host.Context, settings);
            var status = result.Status(settings.Policy);
            parse.Out.Write(DetectReport.Render(result, status, format.Get(parse)));
            return (int)status;
        });
        return command;
    }
}
