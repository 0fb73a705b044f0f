// opskit aide accept: after a reviewed change or a package update, aide --update from the
// verified database; the old database is archived time-stamped, the new one promoted.
using System.CommandLine;
using OpsKit.Aide;
using OpsKit.Aide.Output;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aide;

/// <summary>"aide accept".</summary>
public static class AideAcceptCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = GlobalOptions.Json();
        var command = new Command("accept", "Accept the current files as the new baseline: aide --update, archive the old database, promote the new one.") { json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "aide");
            var p = await new AideManager(host.Context, AideCommand.Settings(host)).AcceptAsync(ct).ConfigureAwait(false);
            Print(parse.Out, p, parse.GetValue(json), "accepted");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Print(TextWriter output, AidePromotion p, bool json, string verb) =>
        output.Write(AideOutput.Promotion(p, verb, json ? OutputFormat.Json : OutputFormat.Text));
}
