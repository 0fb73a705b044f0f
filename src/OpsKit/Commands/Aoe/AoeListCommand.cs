// opskit aoe list: the export table as configured (alias, target, file, interface, allow list, options).
using System.CommandLine;
using OpsKit.Aoe.Exports;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe list".</summary>
public static class AoeListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("list", "List the [[aoe.export]] table (validated: files and interfaces must exist).");
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit");
            var settings = AoeSettings.Bind(host.Config.Section("aoe"));
            var table = new TextTable("ALIAS", "TARGET", "FILE", "IFACE", "ALLOW", "OPTIONS");
            foreach (var e in settings.Exports)
            {
                var opts = new List<string>();
                if (e.Store.ReadOnly) opts.Add("read-only");
                if (e.Store.Direct) opts.Add("direct");
                if (e.Store.Sync) opts.Add("sync");
                if (e.Store.Offset > 0 || e.Store.Length > 0) opts.Add($"window {e.Store.Offset}+{e.Store.Length}");
                opts.Add($"buffers {e.Buffers}");
                table.Add(e.Alias, $"e{e.Address}", e.File, e.Interface, e.Allow.Count == 0 ? "any" : string.Join(',', e.Allow), string.Join(' ', opts));
            }
            CommandHost.Out.Write(table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
