// Areca through cli64/cli32/areca-cli: "rsf info" (raid sets) and "disk info" (disk usage).
// Raid-set names contain spaces; both disk layouts (Ch# and Enc#/Slot#) end with
// Capacity and Usage, so rows are read from the right. A rebuild never hides a failed disk.
using System.Text.RegularExpressions;
using OpsKit.Core;
using OpsKit.Raid.Model;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid.Backends;

/// <summary>The "areca" backend.</summary>
public sealed partial class ArecaBackend : IRaidBackend
{
    private static readonly ToolCommand s_raidSets = ToolCommand.Of("rsf_info.txt", "rsf", "info");
    private static readonly ToolCommand s_disks = ToolCommand.Of("disk_info.txt", "disk", "info");

    [GeneratedRegex(@"^\s*(\d+)\s+(.+?)\s+(\d+)\s+([\d.]+[KMGTP]?B)\s+([\d.]+[KMGTP]?B)\s+(\S+)\s+(.+?)\s*$")]
    private static partial Regex RaidSetRow();

    [GeneratedRegex(@"^\s*(\d+)\s+(.*?)\s+([\d.]+[KMGTP]?B)\s+(.*?)\s*$")]
    private static partial Regex DiskRow();

    [GeneratedRegex(@"GuiErrMsg<0x([0-9A-Fa-f]+)>\s*:?\s*(.*)")]
    private static partial Regex Trailer();

    /// <inheritdoc />
    public string Name => "areca";

    /// <inheritdoc />
    public string Description => "Areca ARC-11xx/12xx/18xx via cli64: raid sets and disk usage";

    /// <inheritdoc />
    public IReadOnlyList<string> Programs => ["cli64", "cli32", "areca-cli"];

    /// <inheritdoc />
    public IReadOnlyList<ToolCommandDeclaration> Commands { get; } = [new(s_raidSets), new(s_disks)];

    /// <inheritdoc />
    public bool Claims(IReadOnlyCollection<string> fileNames) => fileNames.Contains("rsf_info.txt") || fileNames.Contains("disk_info.txt");

    /// <inheritdoc />
    public async Task<BackendReport> CheckAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var report = new BackendReport(Name);
        var rsf = await context.RunAsync(s_raidSets, cancellationToken).ConfigureAwait(false);
        var disks = await context.RunAsync(s_disks, cancellationToken).ConfigureAwait(false);
        if (!rsf.HasOutput) return report.Unknown(rsf.Error ?? "rsf_info.txt (cli64 rsf info) was not captured");
        var c = new RaidController("1", "Areca");
        report.Controllers.Add(c);
        CheckTrailer(c, "rsf info", rsf.Output);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in rsf.Lines)
        {
            if (RaidSetRow().Match(line) is not { Success: true } m) continue;
            names.Add(m.Groups[2].Value);
            c.Add(RaidSet(m.Groups[2].Value, m.Groups[7].Value, context.Policy));
        }
        if (disks.Kind == ToolRunKind.Failed) c.Note(CheckStatus.Unknown, disks.Error!);
        var diskCount = 0;
        if (disks.HasOutput)
        {
            CheckTrailer(c, "disk info", disks.Output);
            foreach (var line in disks.Lines)
            {
                if (DiskRow().Match(line) is not { Success: true } m) continue;
                diskCount++;
                if (Disk(m.Groups[1].Value, m.Groups[4].Value, names) is { } item) c.Add(item);
            }
        }
        if (names.Count == 0 && diskCount == 0) c.Note(CheckStatus.Unknown, "cli64 listed no raid set and no disk: unparsable or empty output");
        return report;
    }

    private static RaidItem RaidSet(string name, string state, RaidPolicy policy)
    {
        var (status, activity) = state switch
        {
            "Normal" => (CheckStatus.Ok, (string?)null),
            _ when state.StartsWith("Checking", StringComparison.OrdinalIgnoreCase) => (policy.CheckState, "check"),
            // Upstream calls Initializing OK; it follows the check state here so it can be raised.
            _ when state.StartsWith("Initializ", StringComparison.OrdinalIgnoreCase) => (policy.CheckState, "initialize"),
            _ when state.Contains("Rebuild", StringComparison.OrdinalIgnoreCase) => (policy.ResyncState, "rebuild"),
            _ => (CheckStatus.Critical, null),
        };
        return new RaidItem(RaidItemKind.Array, name, state, status)
        {
            Activity = activity,
            Reason = status == CheckStatus.Critical ? $"raid set {state}" : activity,
        };
    }

    private static RaidItem? Disk(string number, string usage, HashSet<string> raidSets)
    {
        if (usage == "N.A.") return null; // empty slot
        var status = usage switch
        {
            _ when raidSets.Contains(usage) => CheckStatus.Ok,
            _ when usage.StartsWith("HotSpare", StringComparison.OrdinalIgnoreCase) => CheckStatus.Ok,
            "Pass Through" or "Free" => CheckStatus.Ok, // "Free" is an unused disk, not a fault (check_raid #167)
            _ when usage.Contains("Rebuild", StringComparison.OrdinalIgnoreCase) => CheckStatus.Warning,
            _ => CheckStatus.Critical,
        };
        return new RaidItem(RaidItemKind.Disk, number, usage, status)
        {
            Array = raidSets.Contains(usage) ? usage : null,
            Reason = status == CheckStatus.Ok ? null : $"disk {usage}",
        };
    }

    private static void CheckTrailer(RaidController c, string what, string text)
    {
        if (Trailer().Match(text) is { Success: true } m && Convert.ToInt32(m.Groups[1].Value, 16) != 0)
            c.Note(CheckStatus.Unknown, $"{what}: GuiErrMsg<0x{m.Groups[1].Value}> {m.Groups[2].Value.Trim()}");
    }
}
