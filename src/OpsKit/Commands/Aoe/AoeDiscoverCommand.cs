// opskit aoe discover: broadcast Query Config on an interface and list every target that answers.
using System.CommandLine;
using OpsKit.Aoe.Output;
using OpsKit.Aoe.Client;
using OpsKit.Core;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe discover".</summary>
public static class AoeDiscoverCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var iface = new Option<string>("--interface", "-i") { Description = "Interface to broadcast on.", HelpName = "IF", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for answers.", DefaultValueFactory = _ => 1.0, HelpName = "S" };
        var format = ReportFormat.JsonOnly();
        var command = new Command("discover", "List AoE targets on an interface: shelf.slot, MAC, size, buffer count, payload, config string.")
        {
            iface, timeout,
        };
        format.AddTo(command);
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit");
            using var client = AoeCommon.OpenClient(parse.GetValue(iface)!);
            var targets = client.Discover(TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 0.05, 60)));
            parse.Out.Write(AoeReports.Discover(client.Nic.Name, targets, format.Get(parse)));
            if (targets.Count == 0) parse.Error.WriteLine($"opskit: no AoE target answered on {client.Nic.Name}");
            return targets.Count == 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
