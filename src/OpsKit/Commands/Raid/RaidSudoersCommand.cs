// opskit raid sudoers: the sudo rules for exactly the declared command lines.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Raid;

namespace OpsKit.Commands.Raid;

/// <summary>"raid sudoers".</summary>
public static class RaidSudoersCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var user = new Option<string>("--user", "-u") { Description = "The monitoring user the rules are for.", HelpName = "USER", DefaultValueFactory = _ => "nagios" };
        var backend = RaidOptions.Backend();
        var command = new Command("sudoers", "Print sudoers rules (NOPASSWD, !requiretty) for every command line the backends run.") { user, backend };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "raidchk");
            var settings = RaidSettings.Bind(host.Config.Section("raid"));
            parse.Out.Write(SudoRules.Render(parse.GetValue(user)!, parse.GetValue(backend) ?? [], host.Context, settings));
            return ExitCodes.Ok;
        });
        return command;
    }
}
