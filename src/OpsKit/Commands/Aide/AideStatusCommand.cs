// opskit aide status: the database against its recorded digest, the last report's result,
// and the archives kept. Exit 0 when the database is trusted, 2 when it is not, 3 without one.
using System.CommandLine;
using OpsKit.Aide;
using OpsKit.Aide.Output;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aide;

/// <summary>"aide status".</summary>
public static class AideStatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = ReportFormat.JsonOnly();
        var command = new Command("status", "Show the database and its recorded digest, the last report and the archives; exit 2 when the database is not trusted.");
        format.AddTo(command);
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "aide");
            var settings = AideCommand.Settings(host);
            var status = new AideManager(host.Context, settings).Status();
            parse.Out.Write(AideOutput.Status(status, settings, format.Get(parse)));
            return (int)status.Status;
        });
        return command;
    }
}
