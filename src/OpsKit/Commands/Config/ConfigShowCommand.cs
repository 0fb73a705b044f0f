// opskit config show: every key with its merged value and where it came from.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Config;

namespace OpsKit.Commands.Config;

/// <summary>"config show".</summary>
public static class ConfigShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = ReportFormat.JsonOnly();
        var command = new Command("show", "Print the merged configuration and the origin of each value.");
        format.AddTo(command);
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit");
            parse.Out.Write(ConfigOutput.Show(host.Config, format.Get(parse)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
