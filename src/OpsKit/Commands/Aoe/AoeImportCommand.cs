// opskit aoe import FILE: convert the classic /etc/vbladed.conf to [aoe] / [[aoe.export]] TOML on stdout.
using System.CommandLine;
using OpsKit.Aoe.Exports;
using OpsKit.Core;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe import".</summary>
public static class AoeImportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The vbladectl table (SHELF=\"N\" and 'AOESLOT FILE MAC IFACE ALIAS' lines)." };
        var command = new Command("import", "Convert a vbladed.conf table to opskit.toml text (stdout); errors name FILE:LINE.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            CommandHost.Out.Write(VbladedConf.Load(path).ToToml(path));
            return ExitCodes.Ok;
        });
        return command;
    }
}
