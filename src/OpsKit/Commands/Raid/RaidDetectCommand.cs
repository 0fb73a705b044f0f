// opskit raid detect: what was found (SCSI vendors, PCI drivers, md arrays, tools) and
// which backends a check would run. Nothing found: the no-RAID state (UNKNOWN by default).
using System.CommandLine;
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Raid;
using OpsKit.Raid.Detection;

namespace OpsKit.Commands.Raid;

/// <summary>"raid detect".</summary>
public static class RaidDetectCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = GlobalOptions.Json();
        var noraid = RaidOptions.State("noraid-state", "nothing is found", "UNKNOWN");
        var command = new Command("detect", "List RAID controllers, md arrays and vendor tools found, and the backends a check would run.") { json, noraid };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "raidchk");
            var settings = RaidOptions.Settings(host, new RaidOverrides { NoRaidState = parse.GetValue(noraid) });
            var result = RaidDetector.Detect(host.Context, settings);
            var status = result.Problems.Count > 0 ? CheckStatus.Unknown
                : result.Selected.Count == 0 ? settings.Policy.NoRaidState : CheckStatus.Ok;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(CommandHost.Out, new JsonObject
                {
                    ["status"] = status.Label(),
                    ["findings"] = new JsonArray(result.Findings.Select(f => (JsonNode)new JsonObject { ["source"] = f.Source, ["detail"] = f.Detail, ["family"] = f.Family }).ToArray()),
                    ["backends"] = new JsonArray(result.Selected.Select(s => (JsonNode)new JsonObject { ["backend"] = s.Backend.Name, ["program"] = s.Program, ["why"] = s.Why }).ToArray()),
                    ["problems"] = new JsonArray(result.Problems.Select(p => (JsonNode)p.Message).ToArray()),
                });
                return (int)status;
            }
            var findings = new TextTable("SOURCE", "FOUND");
            foreach (var f in result.Findings) findings.Add(f.Source, f.Detail);
            CommandHost.Out.Write(findings.Count > 0 ? findings.ToString() : "nothing found in /proc/scsi/scsi, /sys/bus/pci/drivers, /proc/mdstat or on the tool paths\n");
            CommandHost.Out.WriteLine();
            foreach (var s in result.Selected) CommandHost.Out.WriteLine($"backend {s.Backend.Name}: {s.Why}");
            foreach (var p in result.Problems) CommandHost.Out.WriteLine($"UNKNOWN: {p.Message}");
            if (result.Selected.Count == 0 && result.Problems.Count == 0) CommandHost.Out.WriteLine($"{status.Label()}: no RAID found; nothing to check");
            return (int)status;
        });
        return command;
    }
}
