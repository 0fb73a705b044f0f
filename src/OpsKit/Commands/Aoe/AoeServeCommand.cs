// opskit aoe serve: run the built-in AoE target in the foreground (one file from flags, or the [[aoe.export]] table).
using System.CommandLine;
using OpsKit.Aoe.Exports;
using OpsKit.Aoe.Target;
using OpsKit.Core;
using OpsKit.Core.Config;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe serve".</summary>
public static class AoeServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var iface = new Option<string?>("--interface", "-i") { Description = "Network interface to serve FILE on.", HelpName = "IF" };
        var shelf = new Option<int>("--shelf") { Description = "Shelf (major) of FILE, 0-65534.", DefaultValueFactory = _ => 0 };
        var slot = new Option<int>("--slot") { Description = "Slot (minor) of FILE, 0-254.", DefaultValueFactory = _ => 0 };
        var readOnly = new Option<bool>("--read-only") { Description = "Refuse writes to FILE." };
        var direct = new Option<bool>("--direct") { Description = "Open FILE with O_DIRECT." };
        var sync = new Option<bool>("--sync") { Description = "Open FILE with O_SYNC." };
        var buffers = new Option<int>("--buffers") { Description = "Buffer Count advertised for FILE.", DefaultValueFactory = _ => 64 };
        var stateDir = new Option<string?>("--state-dir") { Description = "Keep config string, Mac Mask and reserve lists here. [default: [aoe] state_dir]", HelpName = "DIR" };
        var pidFile = new Option<string?>("--pid-file") { Description = "Write the daemon's pid here; also logs to syslog as vbladed.", HelpName = "FILE" };
        var statusFile = new Option<string?>("--status-file") { Description = "Write per-export counters here every second.", HelpName = "FILE" };
        var enabledFile = new Option<string?>("--enabled-file")
        {
            Description = "Serve only the aliases listed in this file, which 'aoe start' and 'aoe stop' edit; when it does not exist yet (boot), every alias of the table is written to it first.",
            HelpName = "FILE",
        };
        var threads = new Option<int?>("--threads")
        {
            Description = "Receive threads per interface; frames are spread by shelf.slot, so one export stays on one thread, in order (0: one per core, at most 4). [default: [aoe] threads]",
            HelpName = "N",
        };
        var file = new Argument<string?>("FILE") { Description = "Image file or block device to export (omit to serve [[aoe.export]] from the config).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("serve", "Serve exports with the built-in AoE target until SIGTERM/SIGINT; SIGHUP reloads the export table.")
        {
            iface, shelf, slot, readOnly, direct, sync, buffers, threads, stateDir, pidFile, statusFile, enabledFile, file,
        };
        command.SetAction(parse =>
        {
            var daemon = parse.GetValue(pidFile) is not null;
            using var host = daemon ? CommandHost.From(parse, "vbladed", RunMode.Daemon) : CommandHost.From(parse, "vbladed");
            var path = parse.GetValue(file);
            Func<IReadOnlyList<ExportSpec>> load;
            var settings = AoeSettings.Bind(host.Config.Section("aoe"));
            if (parse.GetValue(threads) is { } t && t is < 0 or > 64) throw OpsKitException.Usage($"--threads {t}: must be 0-64");
            if (path is not null)
            {
                var nic = parse.GetValue(iface) ?? throw OpsKitException.Usage("serve FILE needs --interface");
                var s = parse.GetValue(shelf);
                var l = parse.GetValue(slot);
                if (s is < 0 or > 65534) throw OpsKitException.Usage($"--shelf {s}: must be 0-65534 (0xFFFF is broadcast)");
                if (l is < 0 or > 254) throw OpsKitException.Usage($"--slot {l}: must be 0-254 (0xFF is broadcast)");
                if (OpsKit.Core.Files.PathTrust.Stat(path) is not { } st) throw new OpsKitException($"{path}: no such file or directory", ExitCodes.NoInput);
                if (st.IsDirectory) throw new OpsKitException($"{path}: is a directory, not an image file or block device", ExitCodes.NoInput);
                var spec = new ExportSpec($"e{s}.{l}", (ushort)s, (byte)l, path, nic)
                {
                    Store = new StoreOptions(ReadOnly: parse.GetValue(readOnly), Direct: parse.GetValue(direct), Sync: parse.GetValue(sync)),
                    Buffers = Math.Clamp(parse.GetValue(buffers), 1, 4096),
                };
                load = () => [spec];
            }
            else
            {
                if (settings.Exports.Count == 0)
                    throw OpsKitException.Usage($"nothing to serve: give FILE with --interface, or [[aoe.export]] tables in {host.Config.SourceFile ?? "the config"}");
                var first = true;
                var enabled = parse.GetValue(enabledFile) is { } ef ? new DaemonControl(Path.GetDirectoryName(Path.GetFullPath(ef))!) : null;
                load = () =>
                {
                    var exports = first ? settings.Exports : AoeSettings.Bind(CommandHost.LoadConfig(parse, host.Context.Environment).Section("aoe")).Exports;
                    first = false;
                    if (enabled is null) return exports;
                    if (!File.Exists(enabled.EnabledFile)) enabled.SetEnabled(exports.Select(e => e.Alias));
                    var on = enabled.Enabled();
                    return [.. exports.Where(e => on.Contains(e.Alias))];
                };
            }
            var log = host.Logger("aoe");
            var daemonRun = new AoeDaemon(log, parse.GetValue(stateDir) ?? settings.StateDir, parse.GetValue(statusFile), parse.GetValue(pidFile))
            {
                Threads = parse.GetValue(threads) ?? settings.Threads,
            };
            try { return daemonRun.Run(load, CancellationToken.None); }
            catch (IOException e) { throw new OpsKitException($"aoe serve: {e.Message}", ExitCodes.Unavailable, e); }
        });
        return command;
    }
}
