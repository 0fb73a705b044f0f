// opskit aoe import FILE [-o DROPIN]: convert the classic /etc/vbladed.conf to [aoe] / [[aoe.export]] TOML,
// on stdout or as a drop-in (/etc/opskit/opskit.d/50-aoe.toml) written atomically.
using System.CommandLine;
using OpsKit.Aoe.Exports;
using OpsKit.Core;
using OpsKit.Core.Files;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe import".</summary>
public static class AoeImportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The vbladectl table (SHELF=\"N\" and 'AOESLOT FILE MAC IFACE ALIAS' lines)." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the TOML to this drop-in file (e.g. /etc/opskit/opskit.d/50-aoe.toml; written atomically, mode 0644) instead of stdout.",
            HelpName = "FILE",
        };
        var command = new Command("import", "Convert a vbladed.conf table to opskit TOML (stdout or a drop-in); errors name FILE:LINE.") { file, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var toml = VbladedConf.Load(path).ToToml(path);
            if (parse.GetValue(output) is { } target) AtomicFile.Write(target, toml, createDirectory: true);
            else parse.Out.Write(toml);
            return ExitCodes.Ok;
        });
        return command;
    }
}
