// LSI MegaRAID through MegaCli64/MegaCli: -PDList, -LdInfo, BBU status, all adapters.
using OpsKit.Core;
using OpsKit.Raid.Model;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid.Backends;

/// <summary>The "megacli" backend.</summary>
public sealed class MegaCliBackend : IRaidBackend
{
    private static readonly ToolCommand s_pdlist = ToolCommand.Of("pdlist.txt", "-PDList", "-aALL", "-NoLog");
    private static readonly ToolCommand s_ldinfo = ToolCommand.Of("ldinfo.txt", "-LdInfo", "-Lall", "-aALL", "-NoLog");
    private static readonly ToolCommand s_bbu = ToolCommand.Of("bbu.txt", "-AdpBbuCmd", "-GetBbuStatus", "-aALL", "-NoLog");

    /// <inheritdoc />
    public string Name => "megacli";

    /// <inheritdoc />
    public string Description => "LSI MegaRAID / Dell PERC 5-H800 via MegaCli: logical drives, disks, predictive failures, cache policy, BBU";

    /// <inheritdoc />
    public IReadOnlyList<string> Programs => ["MegaCli64", "MegaCli", "megacli"];

    /// <inheritdoc />
    public IReadOnlyList<ToolCommandDeclaration> Commands { get; } = [new(s_pdlist), new(s_ldinfo), new(s_bbu)];

    /// <inheritdoc />
    public bool Claims(IReadOnlyCollection<string> fileNames) => fileNames.Contains("pdlist.txt") || fileNames.Contains("ldinfo.txt");

    /// <inheritdoc />
    public async Task<BackendReport> CheckAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var report = new BackendReport(Name);
        var pd = await context.RunAsync(s_pdlist, cancellationToken).ConfigureAwait(false);
        var ld = await context.RunAsync(s_ldinfo, cancellationToken).ConfigureAwait(false);
        var bbu = await context.RunAsync(s_bbu, cancellationToken).ConfigureAwait(false);
        foreach (var (run, what) in new[] { (pd, "-PDList"), (ld, "-LdInfo") })
        {
            if (run.Kind == ToolRunKind.Failed) report.Unknown(run.Error!);
            else if (run.HasOutput && MegaCliParser.ExitCode(run.Output) is { } code && code != "0x00") report.Unknown($"{what} ended with Exit Code {code}");
        }
        if (bbu.Kind == ToolRunKind.Failed) report.Unknown(bbu.Error!);
        var disks = pd.HasOutput ? MegaCliParser.Disks(pd.Output) : [];
        var lds = ld.HasOutput ? MegaCliParser.Logicals(ld.Output) : [];
        var bats = bbu.HasOutput ? MegaCliParser.Batteries(bbu.Output) : [];
        var noLdsSaid = ld.HasOutput && ld.Output.Contains("No Virtual Drive Configured", StringComparison.OrdinalIgnoreCase);
        // Nothing listed means the tool did not run properly (check_raid #8): UNKNOWN, but a BBU verdict still counts.
        if (disks.Count == 0 && lds.Count == 0 && !noLdsSaid)
            report.Unknown("MegaCli listed no adapter, disk or logical drive: did it run properly (root, driver)?");
        Build(report, disks, lds, bats, context.Policy);
        return report;
    }

    /// <summary>Turns parsed lists into controllers (shared with cmdtool2).</summary>
    internal static void Build(BackendReport report, List<MegaDisk> disks, List<MegaLogical> lds, List<MegaBattery> bats, RaidPolicy policy)
    {
        var adapters = disks.Select(d => d.Adapter).Concat(lds.Select(l => l.Adapter)).Concat(bats.Select(b => b.Adapter)).Distinct().ToList();
        foreach (var a in adapters)
        {
            var c = report.Controllers.FirstOrDefault(x => x.Id == a) ?? new RaidController(a);
            if (!report.Controllers.Contains(c)) report.Controllers.Add(c);
            foreach (var l in lds.Where(l => l.Adapter == a)) { if (MegaCliRules.Logical(l, policy) is { } item) c.Add(item); }
            foreach (var d in disks.Where(d => d.Adapter == a)) c.Add(MegaCliRules.Disk(d, policy));
            foreach (var b in bats.Where(b => b.Adapter == a)) { if (MegaCliRules.Battery(b, policy) is { } item) c.Add(item); }
            if (c.Items.Count == 0) c.Note(CheckStatus.Ok, "no arrays or disks configured");
        }
    }
}
