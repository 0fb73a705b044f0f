// opskit aoe status [ALIAS...] [--json]: per alias running/stopped/dead, pid, file, size, interface, clients, frames, errors.
using System.CommandLine;
using OpsKit.Aoe.Output;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe status".</summary>
public static class AoeStatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var aliases = AoeCommon.Aliases();
        var format = ReportFormat.JsonOnly();
        var command = new Command("status", "Show each export: running/stopped/dead, pid, file, size, interface, clients, frames, errors (exit 2 when an enabled export is not served).")
        {
            aliases,
        };
        format.AddTo(command);
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "vbladed");
            var rows = AoeCommon.Manager(host).Status(parse.GetValue(aliases) ?? []);
            CommandHost.Out.Write(AoeReports.Status(rows, format.Get(parse)));
            return AoeReports.StatusExit(rows);
        });
        return command;
    }
}
