// Broadcom MegaRAID and SAS3 HBAs, Dell PERC 9-11 through storcli64/perccli64: JSON
// ("/cALL show all J" plus per-drive details) first, text ("/call show all") as fallback.
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Raid.Model;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid.Backends;

/// <summary>The "storcli" backend.</summary>
public sealed class StorCliBackend : IRaidBackend
{
    private static readonly ToolCommand s_json = ToolCommand.Of("cALL_show_all_J.json", "/cALL", "show", "all", "J", "nolog");
    private static readonly ToolCommand s_drives = ToolCommand.Of("cALL_eALL_sALL_show_all_J.json", "/cALL/eALL/sALL", "show", "all", "J", "nolog");
    private static readonly ToolCommand s_text = ToolCommand.Of("cALL_show_all.txt", "/call", "show", "all");
    private static readonly ToolCommand s_textOne = ToolCommand.Of("c{c}_show_all.txt", "/c{c}", "show", "all");

    /// <inheritdoc />
    public string Name => "storcli";

    /// <inheritdoc />
    public string Description => "Broadcom MegaRAID, SAS3 HBAs, Dell PERC 9-11 via storcli64/perccli64 (JSON, text fallback)";

    /// <inheritdoc />
    public IReadOnlyList<string> Programs => ["storcli64", "storcli", "perccli64", "perccli"];

    /// <inheritdoc />
    public IReadOnlyList<ToolCommandDeclaration> Commands { get; } = [new(s_json), new(s_drives), new(s_text), new(s_textOne)];

    /// <inheritdoc />
    public bool Claims(IReadOnlyCollection<string> fileNames) =>
        fileNames.Contains(s_json.File) || fileNames.Contains(s_text.File)
        || (fileNames.Contains("c0_show_all.txt") && !fileNames.Contains("show.txt"));

    /// <inheritdoc />
    public async Task<BackendReport> CheckAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var report = new BackendReport(Name);
        var (controllers, problem) = await Read(context, cancellationToken).ConfigureAwait(false);
        if (controllers is null) return report.Unknown(problem ?? "no storcli output");
        if (controllers.Count > 0 && controllers.All(c => !c.HasData && c.CommandFailure is { } f && f.Contains("No Controller", StringComparison.OrdinalIgnoreCase)))
        {
            report.NothingFound = true;
            report.Notes.Add(new RaidNote(CheckStatus.Ok, controllers[0].CommandFailure!));
            return report;
        }
        if (controllers.Count == 0) return report.Unknown("storcli output has no controller section");
        foreach (var data in controllers)
        {
            if (!data.HasData)
            {
                report.Unknown($"controller {data.Id}: {data.CommandFailure ?? "no data in the output"}");
                continue;
            }
            report.Controllers.Add(StorCliRules.Judge(data, context.Policy));
        }
        return report;
    }

    private async Task<(List<StorCliData>?, string?)> Read(ToolContext context, CancellationToken ct)
    {
        var json = await context.RunAsync(s_json, ct).ConfigureAwait(false);
        if (json.HasOutput && StorCliJson.Controllers(json.Output) is { } parsed)
        {
            var drives = await context.RunAsync(s_drives, ct).ConfigureAwait(false);
            if (drives.HasOutput) StorCliJson.AddDetails(parsed, drives.Output);
            return (parsed, null);
        }
        var why = json.Kind == ToolRunKind.Failed ? json.Error : json.HasOutput ? "JSON output did not parse" : null;
        if (why is not null) context.Log.LogWarning("storcli JSON unusable ({Reason}); trying the text output", why);
        var text = await context.RunAsync(s_text, ct).ConfigureAwait(false);
        if (text.HasOutput) return (StorCliText.Controllers(text.Output), null);
        if (!context.Source.IsReplay) return (null, why ?? text.Error);
        // A bundle may hold one "/cN show all" per controller instead.
        var all = new List<StorCliData>();
        for (var n = 0; ; n++)
        {
            var one = await context.RunAsync(s_textOne.For(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct).ConfigureAwait(false);
            if (!one.HasOutput) break;
            all.AddRange(StorCliText.Controllers(one.Output));
        }
        return all.Count > 0 ? (all, null) : (null, why ?? text.Error ?? "no storcli output captured");
    }
}
