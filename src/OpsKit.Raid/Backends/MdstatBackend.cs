// Linux md: /proc/mdstat plus sysfs array_state and "mdadm --detail" when available.
// Rules: MdstatRules. A degraded array with a recovery running is the
// resync state (upstream compatible) but says when no redundancy is left.
using OpsKit.Core;
using OpsKit.Raid.Model;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid.Backends;

/// <summary>The "mdstat" backend.</summary>
public sealed class MdstatBackend : IRaidBackend
{
    private static readonly ToolCommand s_mdstat = ToolCommand.HostRead("mdstat.txt", "/proc/mdstat");
    private static readonly ToolCommand s_arrayState = ToolCommand.HostRead("sys_{c}_array_state.txt", "/sys/block/{c}/md/array_state");
    private static readonly ToolCommand s_detail = ToolCommand.Of("mdadm_detail_{c}.txt", "--detail", "/dev/{c}") with { Program = "mdadm" };

    /// <inheritdoc />
    public string Name => "mdstat";

    /// <inheritdoc />
    public string Description => "Linux software RAID (/proc/mdstat, sysfs, mdadm --detail)";

    /// <inheritdoc />
    public IReadOnlyList<string> Programs => [];

    /// <inheritdoc />
    public IReadOnlyList<ToolCommandDeclaration> Commands { get; } =
        [new(s_mdstat, NeedsRoot: false), new(s_arrayState, NeedsRoot: false), new(s_detail)];

    /// <inheritdoc />
    public bool Claims(IReadOnlyCollection<string> fileNames) => fileNames.Contains("mdstat.txt");

    /// <inheritdoc />
    public async Task<BackendReport> CheckAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var report = new BackendReport(Name);
        var run = await context.RunAsync(s_mdstat, cancellationToken).ConfigureAwait(false);
        if (!run.HasOutput) return report.Unknown(run.Error ?? "/proc/mdstat was not captured");
        var arrays = MdstatParser.Parse(run.Output);
        if (arrays is null) return report.Unknown("/proc/mdstat: no 'Personalities' line; not mdstat output");
        var md = new RaidController("md", "Linux md");
        report.Controllers.Add(md);
        var checkRunning = arrays.Any(a => a.Action is "check" or "repair" && a.Delayed is null);
        foreach (var array in arrays)
        {
            var state = await context.RunAsync(s_arrayState.For(array.Name), cancellationToken).ConfigureAwait(false);
            var detail = await context.RunAsync(s_detail.For(array.Name), cancellationToken).ConfigureAwait(false);
            MdstatRules.Judge(md, array, context.Policy, state.HasOutput ? state.Output.Trim() : null, detail.HasOutput ? MdadmState(detail.Output) : null, checkRunning);
        }
        foreach (var (name, want) in context.Policy.SpareCounts)
        {
            if (arrays.All(a => a.Name != name))
                md.Note(CheckStatus.Critical, $"{name}: a spare count of {want} is configured but there is no such array");
        }
        report.NothingFound = arrays.Count == 0;
        return report;
    }

    private static string? MdadmState(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("State :", StringComparison.Ordinal))
            .Select(l => l["State :".Length..].Trim()).FirstOrDefault();
}
