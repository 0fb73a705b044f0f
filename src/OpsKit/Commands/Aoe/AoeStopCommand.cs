// opskit aoe stop [ALIAS...]: stop serving the aliases (all by default); the daemon exits when none is left.
using System.CommandLine;
using OpsKit.Core;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe stop".</summary>
public static class AoeStopCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var aliases = AoeCommon.Aliases();
        var command = new Command("stop", "Stop exports (all, or the aliases given) after their queued requests; others keep running.") { aliases };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "vbladed", RunMode.Cron);
            var manager = AoeCommon.Manager(host);
            manager.Stop(parse.GetValue(aliases) ?? []);
            foreach (var e in manager.Select(parse.GetValue(aliases) ?? []))
                parse.Out.WriteLine($"stopped vbladed for {e.Alias} (file:{e.File} iface:{e.Interface})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
