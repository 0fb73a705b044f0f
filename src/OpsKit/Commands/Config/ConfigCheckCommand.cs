// opskit config check: read the config file and its drop-ins, validate them, the OPSKIT_* environment and
// each area's own checks, and report every error in one run (exit 78), each as FILE:LINE:COL.
// With --json the verdict and the errors go to stdout as one document.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Config;

/// <summary>"config check".</summary>
public static class ConfigCheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = ReportFormat.JsonOnly();
        var command = new Command("check", "Validate the config file and its drop-ins: unknown keys, wrong types, bad values, unknown OPSKIT_* variables; every error is reported (exit 78 on errors).");
        format.AddTo(command);
        command.SetAction(parse =>
        {
            var output = format.Get(parse);
            var (_, files, errors) = OpsKitConfig.Check(CommandHost.ConfigRequest(parse), ConfigSchemas.All);
            var text = ConfigOutput.Check(files, errors, output);
            // Errors are diagnostics in text (stderr) and the document itself in JSON (stdout).
            if (errors.Count > 0 && output == OutputFormat.Text) parse.Error.Write(text);
            else parse.Out.Write(text);
            return errors.Count > 0 ? ExitCodes.Config : ExitCodes.Ok;
        });
        return command;
    }
}
