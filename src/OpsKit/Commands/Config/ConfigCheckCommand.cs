// opskit config check: load and validate; exit 78 with FILE:LINE:COL on errors.
using System.CommandLine;
using OpsKit.Core;

namespace OpsKit.Commands.Config;

/// <summary>"config check".</summary>
public static class ConfigCheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("check", "Validate the config file: unknown keys, wrong types, bad values (exit 78 on errors).");
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit");
            var file = host.Config.SourceFile ?? "no config file (built-in defaults)";
            CommandHost.Out.WriteLine($"{file}: OK");
            return ExitCodes.Ok;
        });
        return command;
    }
}
