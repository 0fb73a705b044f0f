// opskit aide init: the first database (aide --init), promoted by a rename and its SHA-256
// recorded; --force replaces an existing database, which is archived time-stamped.
using System.CommandLine;
using OpsKit.Aide;
using OpsKit.Core;

namespace OpsKit.Commands.Aide;

/// <summary>"aide init".</summary>
public static class AideInitCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing database (it is archived as aide.db.STAMP first)." };
        var json = GlobalOptions.Json();
        var command = new Command("init", "Build the first AIDE database, promote it atomically and record its SHA-256.") { force, json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "aide");
            var p = await new AideManager(host.Context, AideCommand.Settings(host)).InitAsync(parse.GetValue(force), ct).ConfigureAwait(false);
            AideAcceptCommand.Print(parse.Out, p, parse.GetValue(json), "initialised");
            return ExitCodes.Ok;
        });
        return command;
    }
}
