// opskit iowait top: who is doing IO and who waits for it, now (kernels without block_dump).
using System.CommandLine;
using OpsKit.IoWait.Live;

namespace OpsKit.Commands.IoWait;

/// <summary>"iowait top".</summary>
public static class IoWaitTopCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between samples.",
            HelpName = "S",
            DefaultValueFactory = _ => 1,
        };
        var count = new Option<int>("--count")
        {
            Description = "Intervals to print. [default: until Ctrl-C; 1 with --json]",
            HelpName = "N",
        };
        var top = new Option<int>("--top")
        {
            Description = "Process rows per interval (0 for all).",
            HelpName = "N",
            DefaultValueFactory = _ => 15,
        };
        var json = GlobalOptions.Json();
        var root = IoWaitOptions.Root();
        var command = new Command("top", "Rank processes by IO-wait share and disk bytes from /proc/<pid>/io, delay accounting, PSI and diskstats.")
        {
            interval, count, top, json, root,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "iowait");
            var s = parse.GetValue(interval);
            if (s < 0.05 || s > 3600) throw OpsKit.Core.OpsKitException.Usage("--interval must be between 0.05 and 3600 seconds");
            if (parse.GetValue(count) < 0 || parse.GetValue(top) < 0) throw OpsKit.Core.OpsKitException.Usage("--count and --top must be 0 or more");
            var context = parse.GetValue(root) is { } dir ? host.Context.With(rootPath: Path.GetFullPath(dir)) : host.Context;
            var options = new TopOptions(TimeSpan.FromSeconds(s), parse.GetValue(count), parse.GetValue(top), parse.GetValue(json));
            return await new TopRunner(context).RunAsync(options, parse.Out, ct);
        });
        return command;
    }
}
