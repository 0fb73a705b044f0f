// opskit iowait enable|disable: switch vm.block_dump (kernels 2.6.6-5.13);
// exit 69 with a pointer to 'iowait top' where the kernel has none.
using System.CommandLine;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.IoWait.Switch;

namespace OpsKit.Commands.IoWait;

/// <summary>"iowait enable" and "iowait disable".</summary>
public static class IoWaitSwitchCommand
{
    /// <summary>Creates "enable" (on = true) or "disable".</summary>
    public static Command Create(bool on)
    {
        var root = IoWaitOptions.Root();
        var command = on
            ? new Command("enable", "Switch vm.block_dump on (kernels before 5.14): every block IO is logged to the kernel log.") { root }
            : new Command("disable", "Switch vm.block_dump off again.") { root };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "iowait");
            var context = parse.GetValue(root) is { } dir ? host.Context.With(rootPath: dir) : host.Context;
            var sw = new BlockDumpSwitch(context);
            var log = host.Logger("iowait");
            sw.Set(on);
            if (on)
            {
                foreach (var daemon in sw.LoggingDaemons())
                    log.LogWarning("{Daemon} writes kernel messages to disk, and block_dump logs that IO again; stop it or drop kern.debug while block_dump is on", daemon);
                parse.Out.WriteLine($"block_dump on ({BlockDumpSwitch.SysctlPath} = 1); run 'opskit iowait disable' when done, then 'dmesg | opskit iowait summary'");
            }
            else
            {
                parse.Out.WriteLine($"block_dump off ({BlockDumpSwitch.SysctlPath} = 0)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
