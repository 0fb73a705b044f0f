// Intel/OEM CmdTool2 (MegaCli under another name): adapters from -AdpAllInfo with its
// device counters, then -CfgDsply per adapter for logical drive and disk states.
using System.Globalization;
using System.Text.RegularExpressions;
using OpsKit.Core;
using OpsKit.Raid.Model;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid.Backends;

/// <summary>The "cmdtool2" backend.</summary>
public sealed partial class CmdTool2Backend : IRaidBackend
{
    private static readonly ToolCommand s_adapters = ToolCommand.Of("adpallinfo.txt", "-AdpAllInfo", "-aALL", "-nolog");
    private static readonly ToolCommand s_config = ToolCommand.Of("cfgdsply_a{c}.txt", "-CfgDsply", "-a{c}", "-nolog");
    private static readonly string[] s_badCounters = ["Degraded", "Offline", "Critical Disks", "Failed Disks"];

    [GeneratedRegex(@"^Adapter\s*#\s*(\d+)")]
    private static partial Regex AdapterLine();

    /// <inheritdoc />
    public string Name => "cmdtool2";

    /// <inheritdoc />
    public string Description => "Intel/OEM MegaRAID via CmdTool2: adapter counters, logical drives, disks";

    /// <inheritdoc />
    public IReadOnlyList<string> Programs => ["CmdTool2", "CmdTool264"];

    /// <inheritdoc />
    public IReadOnlyList<ToolCommandDeclaration> Commands { get; } = [new(s_adapters), new(s_config)];

    /// <inheritdoc />
    public bool Claims(IReadOnlyCollection<string> fileNames) => fileNames.Contains("adpallinfo.txt");

    /// <inheritdoc />
    public async Task<BackendReport> CheckAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var report = new BackendReport(Name);
        var info = await context.RunAsync(s_adapters, cancellationToken).ConfigureAwait(false);
        if (!info.HasOutput) return report.Unknown(info.Error ?? "adpallinfo.txt was not captured");
        var adapters = new List<(string Id, Dictionary<string, string> Values)>();
        foreach (var line in info.Lines)
        {
            if (AdapterLine().Match(line.Trim()) is { Success: true } m) { adapters.Add((m.Groups[1].Value, new(StringComparer.Ordinal))); continue; }
            if (adapters.Count > 0 && MegaCliParser.KeyValue(line) is var (k, v)) adapters[^1].Values.TryAdd(k, v);
        }
        if (adapters.Count == 0) return report.Unknown("CmdTool2 -AdpAllInfo listed no adapter");
        foreach (var (id, values) in adapters)
        {
            var cfg = await context.RunAsync(s_config.For(id), cancellationToken).ConfigureAwait(false);
            if (cfg.Kind == ToolRunKind.Failed) report.Unknown(cfg.Error!);
            var disks = cfg.HasOutput ? MegaCliParser.Disks(cfg.Output, id) : [];
            var lds = cfg.HasOutput ? MegaCliParser.Logicals(cfg.Output, id) : [];
            MegaCliBackend.Build(report, disks, lds, [], context.Policy);
            var c = report.Controllers.FirstOrDefault(x => x.Id == id) ?? new RaidController(id);
            if (!report.Controllers.Contains(c)) report.Controllers.Add(c);
            c.Model = values.GetValueOrDefault("Product Name");
            foreach (var counter in s_badCounters)
            {
                if (values.TryGetValue(counter, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
                    c.Note(CheckStatus.Critical, $"adapter reports {counter}: {n}");
            }
            if (cfg.HasOutput && lds.Count == 0 && disks.Count == 0) c.Note(CheckStatus.Unknown, $"-CfgDsply -a{id} listed no logical drive or disk");
        }
        return report;
    }
}
