// opskit config check: read the config file and its drop-ins, validate them, the OPSKIT_* environment and
// each area's own checks, and report every error in one run (exit 78), each as FILE:LINE:COL.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Config;

namespace OpsKit.Commands.Config;

/// <summary>"config check".</summary>
public static class ConfigCheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("check", "Validate the config file and its drop-ins: unknown keys, wrong types, bad values, unknown OPSKIT_* variables; every error is reported (exit 78 on errors).");
        command.SetAction(parse =>
        {
            var (_, files, errors) = OpsKitConfig.Check(CommandHost.ConfigRequest(parse), ConfigSchemas.All);
            foreach (var e in errors) CommandHost.Error.WriteLine($"opskit: {e}");
            if (errors.Count > 0) return ExitCodes.Config;
            if (files.Count == 0) CommandHost.Out.WriteLine("no config file (built-in defaults): OK");
            foreach (var f in files) CommandHost.Out.WriteLine($"{f}: OK");
            return ExitCodes.Ok;
        });
        return command;
    }
}
