// opskit aoe list: the export table as configured (alias, target, file, interface, allow list, options).
using System.CommandLine;
using OpsKit.Aoe.Exports;
using OpsKit.Core;
using OpsKit.Aoe.Output;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe list".</summary>
public static class AoeListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = ReportFormat.JsonOnly();
        var command = new Command("list", "List the [[aoe.export]] table (validated: files and interfaces must exist).");
        format.AddTo(command);
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit");
            var settings = AoeSettings.Bind(host.Config.Section("aoe"));
            parse.Out.Write(AoeReports.List(settings, format.Get(parse)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
