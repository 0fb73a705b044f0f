// 3ware/AMCC/LSI 9xxx through tw_cli: controllers and enclosures from "show", then per
// controller unit status, drive status and BBU status, and per enclosure "show all".
using OpsKit.Core;
using OpsKit.Raid.Model;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid.Backends;

/// <summary>The "3ware" backend.</summary>
public sealed class TwCliBackend : IRaidBackend
{
    private static readonly ToolCommand s_show = ToolCommand.Of("show.txt", "show");
    private static readonly ToolCommand s_units = ToolCommand.Of("c{c}_unitstatus.txt", "info", "c{c}", "unitstatus");
    private static readonly ToolCommand s_drives = ToolCommand.Of("c{c}_drivestatus.txt", "info", "c{c}", "drivestatus");
    private static readonly ToolCommand s_bbu = ToolCommand.Of("c{c}_bbustatus.txt", "info", "c{c}", "bbustatus");
    private static readonly ToolCommand s_enclosure = ToolCommand.Of("c{c}_e{e}_show_all.txt", "/c{c}/e{e}", "show", "all");

    /// <inheritdoc />
    public string Name => "3ware";

    /// <inheritdoc />
    public string Description => "3ware/AMCC/LSI 9xxx via tw_cli: units, ports, BBU, enclosure sensors";

    /// <inheritdoc />
    public IReadOnlyList<string> Programs => ["tw_cli", "tw-cli", "tw_cli-9xxx"];

    /// <inheritdoc />
    public IReadOnlyList<ToolCommandDeclaration> Commands { get; } = [new(s_show), new(s_units), new(s_drives), new(s_bbu), new(s_enclosure)];

    /// <inheritdoc />
    public bool Claims(IReadOnlyCollection<string> fileNames) =>
        fileNames.Contains("show.txt") || fileNames.Any(f => f.EndsWith("_unitstatus.txt", StringComparison.Ordinal));

    /// <inheritdoc />
    public async Task<BackendReport> CheckAsync(ToolContext context, CancellationToken cancellationToken)
    {
        var report = new BackendReport(Name);
        var show = await context.RunAsync(s_show, cancellationToken).ConfigureAwait(false);
        if (!show.HasOutput) return report.Unknown(show.Error ?? "show.txt (tw_cli show) was not captured");
        if (show.Output.Contains("No controller found", StringComparison.OrdinalIgnoreCase))
        {
            report.NothingFound = true;
            return report;
        }
        var controllers = TwCliParser.Rows(show.Output, TwCliParser.IsController);
        if (controllers.Count == 0) return report.Unknown("tw_cli show listed no controller line (cN ...): unparsable output");
        var enclosures = TwCliParser.Rows(show.Output, TwCliParser.IsEnclosure).Select(t => t[0]).ToList();
        foreach (var row in controllers)
        {
            var id = row[0][1..];
            var c = new RaidController(row[0], row[1]);
            report.Controllers.Add(c);
            var noUnits = row.Length > 4 && row[4] == "0";
            var noDrives = row.Length > 3 && row[3] == "0";
            var units = await Section(context, c, s_units.For(id), noUnits, text => TwCliParser.Rows(text, TwCliParser.IsUnit).Select(t => (RaidItem?)TwCliRules.Unit(t, context.Policy)), cancellationToken).ConfigureAwait(false);
            await Section(context, c, s_drives.For(id), noDrives, text => TwCliParser.Rows(text, TwCliParser.IsPort).Select(t => TwCliRules.Drive(t, context.Policy)), cancellationToken).ConfigureAwait(false);
            // "NotOpt" counts units that are not OK/VERIFYING: a cheap cross-check when the unit listing is missing.
            if (!units && row.Length > 5 && int.TryParse(row[5], out var notOpt) && notOpt > 0)
                c.Note(CheckStatus.Warning, $"controller reports {notOpt} unit(s) not optimal (NotOpt)");
            var bbuColumn = row.Length >= 9 ? row[^1] : "-";
            var bbu = bbuColumn == "-" ? ToolRun.NotCaptured : await context.RunAsync(s_bbu.For(id), cancellationToken).ConfigureAwait(false);
            var bbuRows = bbu.HasOutput ? TwCliParser.Rows(bbu.Output, TwCliParser.IsBbu) : [];
            if (bbu.Kind == ToolRunKind.Failed) c.Note(CheckStatus.Unknown, bbu.Error!);
            foreach (var t in bbuRows) c.Add(TwCliRules.Battery(t, context.Policy));
            if (bbuRows.Count == 0 && TwCliRules.BatteryColumn(bbuColumn, context.Policy) is { } item) c.Add(item);
            foreach (var enc in enclosures.Where(e => e.StartsWith($"/{row[0]}/", StringComparison.Ordinal)))
            {
                var e = enc[(enc.LastIndexOf("/e", StringComparison.Ordinal) + 2)..];
                await Section(context, c, s_enclosure.For(id, e), true, text => TwCliParser.EnclosureParts(text).Select(p => TwCliRules.EnclosurePart(enc, p)), cancellationToken).ConfigureAwait(false);
            }
        }
        return report;
    }

    /// <summary>Runs one listing and adds its items; false when it was not captured or failed.</summary>
    private static async Task<bool> Section(ToolContext context, RaidController c, ToolCommand command, bool mayBeEmpty,
        Func<string, IEnumerable<RaidItem?>> parse, CancellationToken ct)
    {
        var run = await context.RunAsync(command, ct).ConfigureAwait(false);
        switch (run.Kind)
        {
            case ToolRunKind.Failed:
                c.Note(CheckStatus.Unknown, run.Error!);
                return false;
            case ToolRunKind.NotCaptured:
                c.Note(CheckStatus.Ok, $"{command.File} not captured");
                return false;
        }
        var items = parse(run.Output).OfType<RaidItem>().ToList();
        if (items.Count == 0 && !mayBeEmpty && !run.Output.Contains("NOT-PRESENT", StringComparison.Ordinal))
            c.Note(CheckStatus.Unknown, $"{command.File}: no rows could be read");
        c.Items.AddRange(items);
        return true;
    }
}
