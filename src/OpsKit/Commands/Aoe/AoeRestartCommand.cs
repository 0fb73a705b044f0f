// opskit aoe restart [ALIAS...]: stop then start the aliases (all by default); reopens their files.
using System.CommandLine;
using OpsKit.Core;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe restart".</summary>
public static class AoeRestartCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var aliases = AoeCommon.Aliases();
        var command = new Command("restart", "Restart exports (all, or the aliases given); others keep running.") { aliases };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "vbladed", RunMode.Cron);
            var manager = AoeCommon.Manager(host);
            var chosen = parse.GetValue(aliases) ?? [];
            manager.Stop(chosen);
            var pid = manager.Start(chosen, AoeCommon.OpskitPath(), host.Config.SourceFile);
            foreach (var e in manager.Select(chosen))
                parse.Out.WriteLine(AoeCommon.StartedLine(e, pid[e.Alias]));
            return ExitCodes.Ok;
        });
        return command;
    }
}
