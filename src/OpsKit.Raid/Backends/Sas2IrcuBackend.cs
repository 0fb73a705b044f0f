// LSI SAS2/SAS3 HBAs in IR mode through sas2ircu/sas3ircu: LIST for controllers,
// then per controller STATUS (volume state, running operation) and DISPLAY (disks).
// An HBA without IR volumes ("no IR volumes", STATUS error) is normal, not a failure.
using System.Text.RegularExpressions;
using OpsKit.Core;
using OpsKit.Raid.Model;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid.Backends;

/// <summary>The "sas2ircu" backend.</summary>
public sealed partial class Sas2IrcuBackend : IRaidBackend
{
    private static readonly ToolCommand s_list = ToolCommand.Of("list.txt", "LIST");
    private static readonly ToolCommand s_status = ToolCommand.Of("c{c}_status.txt", "{c}", "STATUS");
    private static readonly ToolCommand s_display = ToolCommand.Of("c{c}_display.txt", "{c}", "DISPLAY");
    private const string Completed = "Utility Completed Successfully";

    [GeneratedRegex(@"^\s*(\d+)\s+(\S+)\s+[0-9A-Fa-f]+h\s")]
    private static partial Regex ListRow();

    /// <inheritdoc />
    public string Name => "sas2ircu";

    /// <inheritdoc />
    public string Description => "LSI SAS2/SAS3 HBAs in IR mode via sas2ircu/sas3ircu: IR volumes and disks";

    /// <inheritdoc />
    public IReadOnlyList<string> Programs => ["sas2ircu", "sas3ircu"];

    /// <inheritdoc />
    public IReadOnlyList<ToolCommandDeclaration> Commands { get; } = [new(s_list), new(s_status), new(s_display)];

    /// <inheritdoc />
    public bool Claims(IReadOnlyCollection<string> fileNames) => fileNames.Contains("list.txt");

    /// <inheritdoc />
    public async Task<BackendReport> CheckAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var report = new BackendReport(Name);
        var list = await context.RunAsync(s_list, cancellationToken).ConfigureAwait(false);
        if (!list.HasOutput) return report.Unknown(list.Error ?? "list.txt (sas2ircu LIST) was not captured");
        if (!list.Output.Contains(Completed, StringComparison.Ordinal)) return report.Unknown($"LIST output ends without '{Completed}' (truncated or failed)");
        var rows = list.Lines.Select(l => ListRow().Match(l)).Where(m => m.Success).ToList();
        if (rows.Count == 0)
        {
            report.NothingFound = true;
            return report;
        }
        foreach (var row in rows)
        {
            var id = row.Groups[1].Value;
            var c = new RaidController(id, row.Groups[2].Value);
            report.Controllers.Add(c);
            var status = await context.RunAsync(s_status.For(id), cancellationToken).ConfigureAwait(false);
            var display = await context.RunAsync(s_display.For(id), cancellationToken).ConfigureAwait(false);
            if (display.Kind == ToolRunKind.Failed) c.Note(CheckStatus.Unknown, display.Error!);
            else if (display.HasOutput && !display.Output.Contains(Completed, StringComparison.Ordinal))
                c.Note(CheckStatus.Unknown, $"DISPLAY output of controller {id} ends without '{Completed}' (truncated or failed)");
            var volumes = status.HasOutput ? Blocks(status.Lines, "IR Volume") : [];
            var shown = display.HasOutput ? Blocks(display.Lines, "IR volume") : [];
            foreach (var v in volumes.Count > 0 ? volumes : shown) c.Add(Volume(v, context.Policy));
            if (display.HasOutput)
            {
                foreach (var d in Blocks(display.Lines, "Device is a Hard disk")) c.Add(Disk(d, context.Policy));
            }
        }
        return report;
    }

    /// <summary>Key/value blocks starting at lines that begin with <paramref name="start"/>.</summary>
    private static List<Dictionary<string, string>> Blocks(string[] lines, string start)
    {
        var blocks = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith(start, StringComparison.Ordinal)) { blocks.Add(current = new() { ["_title"] = line.Trim() }); continue; }
            if (current is null) continue;
            if (!line.StartsWith(' ')) { current = null; continue; }
            if (MegaCliParser.KeyValue(line) is var (k, v)) current.TryAdd(k, v);
        }
        return blocks;
    }

    private static RaidItem Volume(Dictionary<string, string> v, RaidPolicy policy)
    {
        var state = Word(v.GetValueOrDefault("Volume state") ?? v.GetValueOrDefault("Status of volume") ?? "?");
        var op = v.GetValueOrDefault("Current operation") ?? "None";
        var status = state is "Optimal" or "Okay" ? CheckStatus.Ok : CheckStatus.Critical;
        string? activity = null;
        if (op.StartsWith("Consistency", StringComparison.OrdinalIgnoreCase)) { activity = op; status = CheckStatuses.Worst(status, policy.CheckState); }
        else if (op is not ("None" or "")) { activity = op; status = CheckStatuses.Worst(status, policy.ResyncState); }
        var id = v.GetValueOrDefault("Volume ID") ?? v["_title"];
        return new RaidItem(RaidItemKind.Array, $"volume {id}", state, status)
        {
            Level = v.GetValueOrDefault("RAID level"),
            Activity = activity,
            Reason = status == CheckStatus.Ok ? null : string.Join("; ", new[] { state is "Optimal" or "Okay" ? null : $"volume {state}", activity }.OfType<string>()),
        };
    }

    private static RaidItem Disk(Dictionary<string, string> d, RaidPolicy policy)
    {
        var state = Word(d.GetValueOrDefault("State") ?? "?");
        var status = state switch
        {
            "Optimal" or "Ready" or "Hot Spare" or "Standby" => CheckStatus.Ok,
            "Rebuilding" => policy.ResyncState,
            _ => CheckStatus.Critical,
        };
        var id = $"{d.GetValueOrDefault("Enclosure #", "?")}:{d.GetValueOrDefault("Slot #", "?")}";
        return new RaidItem(RaidItemKind.Disk, id, state, status) { Reason = status == CheckStatus.Ok ? null : $"disk {state}" };
    }

    /// <summary>"Optimal (OPT)" -> "Optimal".</summary>
    private static string Word(string s) => s.Split(" (", 2)[0].Trim();
}
