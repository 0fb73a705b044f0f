// opskit aoe start [ALIAS...]: serve the aliases (all by default) on the builtin daemon; others keep running.
using System.CommandLine;
using OpsKit.Core;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe start".</summary>
public static class AoeStartCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var aliases = AoeCommon.Aliases();
        var command = new Command("start", "Start exports of the [[aoe.export]] table (all, or the aliases given); running ones are not disturbed.") { aliases };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "vbladed", RunMode.Cron);
            var manager = AoeCommon.Manager(host);
            var pid = manager.Start(parse.GetValue(aliases) ?? [], AoeCommon.OpskitPath(), host.Config.SourceFile);
            foreach (var e in manager.Select(parse.GetValue(aliases) ?? []))
                parse.Out.WriteLine(AoeCommon.StartedLine(e, pid[e.Alias]));
            return ExitCodes.Ok;
        });
        return command;
    }
}
