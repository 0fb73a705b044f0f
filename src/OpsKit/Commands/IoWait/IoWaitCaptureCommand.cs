// opskit iowait capture --seconds N: block_dump on, wait, off (also on Ctrl-C), summarise dmesg.
using System.CommandLine;
using OpsKit.IoWait.Summary;
using OpsKit.IoWait.Switch;

namespace OpsKit.Commands.IoWait;

/// <summary>"iowait capture".</summary>
public static class IoWaitCaptureCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds", "-s")
        {
            Description = "How long block_dump stays on.",
            HelpName = "N",
            DefaultValueFactory = _ => 10,
        };
        var root = IoWaitOptions.Root();
        var json = GlobalOptions.Json();
        var command = new Command("capture", "Switch block_dump on for N seconds, off again (also on Ctrl-C), and summarise the kernel log.")
        {
            seconds, IoWaitSummaryCommand.By, IoWaitSummaryCommand.Top, json, root,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "iowait");
            var s = parse.GetValue(seconds);
            if (s <= 0 || s > 86400) throw OpsKit.Core.OpsKitException.Usage("--seconds must be between 0 and 86400");
            var context = parse.GetValue(root) is { } dir ? host.Context.With(rootPath: dir) : host.Context;
            var options = new CaptureOptions(TimeSpan.FromSeconds(s), Enum.Parse<SummaryBy>(parse.GetValue(IoWaitSummaryCommand.By)!, true),
                parse.GetValue(IoWaitSummaryCommand.Top), parse.GetValue(json));
            return await new CaptureRunner(context, host.Logger("iowait")).RunAsync(options, parse.Out, ct);
        });
        return command;
    }
}
