// opskit iowait summary: who did the block IO in a block_dump kernel log
// (dmesg, syslog, journal, /dev/kmsg; .gz; "-" or nothing for stdin).
using System.CommandLine;
using OpsKit.Core;
using OpsKit.IoWait.Summary;

namespace OpsKit.Commands.IoWait;

/// <summary>"iowait summary".</summary>
public static class IoWaitSummaryCommand
{
    /// <summary>--by.</summary>
    public static readonly Option<string> By = CreateBy();

    /// <summary>--top.</summary>
    public static readonly Option<int?> Top = new("--top")
    {
        Description = "Rows to print (0 for all). [default: 20 in text, all in JSON]",
        HelpName = "N",
    };

    /// <summary>--since.</summary>
    public static readonly Option<string?> Since = new("--since")
    {
        Description = "Count lines stamped at or after this: uptime seconds (6691.5) or a time ('2024-01-31 09:14:54', 'Jan 29 12:16:47').",
        HelpName = "WHEN",
    };

    /// <summary>--until.</summary>
    public static readonly Option<string?> Until = new("--until")
    {
        Description = "Count lines stamped at or before this (same forms as --since).",
        HelpName = "WHEN",
    };

    private static Option<string> CreateBy()
    {
        var by = new Option<string>("--by")
        {
            Description = "Rows per process (comm+pid), command (pids folded), device, op or dirtied inode.",
            HelpName = "KIND",
            DefaultValueFactory = _ => "process",
        };
        by.AcceptOnlyFromAmong("process", "command", "device", "op", "inode");
        return by;
    }

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Kernel logs (dmesg output, /var/log/kern.log, journalctl -k, .gz); '-' or none for stdin.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = GlobalOptions.Json();
        var command = new Command("summary", "Summarise block_dump lines of a kernel log per process, command, device, op or inode.")
        {
            files, By, Top, json, Since, Until,
        };
        command.SetAction((parse, ct) =>
        {
            using var host = CommandHost.From(parse, "iowait");
            var top = parse.GetValue(Top);
            if (top < 0) throw OpsKitException.Usage("--top must be 0 or more");
            var year = host.Context.Clock.GetLocalNow().Year;
            var options = new SummaryOptions(parse.GetValue(files) ?? [], Enum.Parse<SummaryBy>(parse.GetValue(By)!, ignoreCase: true),
                top, parse.GetValue(json), SummaryFilter.Parse(parse.GetValue(Since), parse.GetValue(Until), year));

            return Task.FromResult(SummaryRunner.Run(options, year, Console.OpenStandardInput, parse.Out, ct));
        });
        return command;
    }
}
