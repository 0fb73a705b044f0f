// opskit config check: load and validate; exit 78 with FILE:LINE:COL on errors.
// With --json the verdict (and the errors) go to stdout as one document.
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
        var command = new Command("check", "Validate the config file: unknown keys, wrong types, bad values (exit 78 on errors).");
        format.AddTo(command);
        command.SetAction(parse =>
        {
            var output = format.Get(parse);
            CommandHost host;
            try
            {
                host = CommandHost.From(parse, "opskit");
            }
            catch (OpsKitException e) when (e.ExitCode == ExitCodes.Config && output == OutputFormat.Json)
            {
                CommandHost.Out.Write(ConfigOutput.Check(parse.GetValue(GlobalOptions.Config), e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries), output));
                return ExitCodes.Config;
            }
            using (host) CommandHost.Out.Write(ConfigOutput.Check(host.Config.SourceFile, [], output));
            return ExitCodes.Ok;
        });
        return command;
    }
}
