// opskit aoe discover: broadcast Query Config on an interface and list every target that answers.
using System.CommandLine;
using System.Text.Json.Nodes;
using OpsKit.Aoe.Client;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe discover".</summary>
public static class AoeDiscoverCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var iface = new Option<string>("--interface", "-i") { Description = "Interface to broadcast on.", HelpName = "IF", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for answers.", DefaultValueFactory = _ => 1.0, HelpName = "S" };
        var json = GlobalOptions.Json();
        var command = new Command("discover", "List AoE targets on an interface: shelf.slot, MAC, size, buffer count, payload, config string.")
        {
            iface, timeout, json,
        };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit");
            using var client = AoeCommon.OpenClient(parse.GetValue(iface)!);
            var targets = client.Discover(TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 0.05, 60)));
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var t in targets)
                    array.Add((JsonNode)new JsonObject
                    {
                        ["target"] = t.Address, ["shelf"] = t.Shelf, ["slot"] = t.Slot, ["mac"] = t.Mac.ToString(), ["size_bytes"] = t.SizeBytes,
                        ["buffers"] = t.Buffers, ["sectors"] = t.MaxSectors, ["payload"] = t.Payload, ["firmware"] = t.Firmware,
                        ["model"] = t.Model, ["config"] = t.ConfigString,
                    });
                JsonOutput.Write(CommandHost.Out, new JsonObject { ["interface"] = client.Nic.Name, ["targets"] = array });
                return ExitCodes.Ok;
            }
            var table = new TextTable("TARGET", "MAC", "SIZE", "BUFFERS", "PAYLOAD", "MODEL", "CONFIG");
            foreach (var t in targets)
                table.Add($"e{t.Address}", t.Mac.ToString(), AoeCommon.Size(t.SizeBytes), t.Buffers.ToString(), t.Payload.ToString(), t.Model, t.ConfigString);
            CommandHost.Out.Write(table.ToString());
            if (targets.Count == 0) CommandHost.Error.WriteLine($"opskit: no AoE target answered on {client.Nic.Name}");
            return targets.Count == 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
