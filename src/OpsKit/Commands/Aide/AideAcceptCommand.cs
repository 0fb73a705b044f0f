// opskit aide accept: after a reviewed change or a package update, aide --update from the
// verified database; the old database is archived time-stamped, the new one promoted.
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpsKit.Aide;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aide;

/// <summary>"aide accept".</summary>
public static class AideAcceptCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = GlobalOptions.Json();
        var command = new Command("accept", "Accept the current files as the new baseline: aide --update, archive the old database, promote the new one.") { json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "aide");
            var p = await new AideManager(host.Context, AideCommand.Settings(host)).AcceptAsync(ct).ConfigureAwait(false);
            Print(p, parse.GetValue(json), "accepted");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Print(AidePromotion p, bool json, string verb)
    {
        var r = p.Report;
        if (json)
        {
            JsonOutput.Write(CommandHost.Out, new JsonObject
            {
                ["database"] = p.Database,
                ["sha256"] = p.State.Sha256,
                ["size"] = p.State.Size,
                ["archived_database"] = p.ArchivedDatabase,
                ["report_path"] = p.ReportPath,
                ["summary"] = new JsonObject { ["total"] = r.Total, ["added"] = r.Added, ["removed"] = r.Removed, ["changed"] = r.Changed },
            });
            return;
        }
        var o = CommandHost.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb} {p.Database}: {r.Total?.ToString(CultureInfo.InvariantCulture) ?? "?"} entries; {r.Added} added, {r.Removed} removed, {r.Changed} changed since the previous database"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sha256 {p.State.Sha256} ({p.State.Size} bytes), recorded for the next check"));
        if (p.ArchivedDatabase is not null) o.WriteLine($"previous database archived as {p.ArchivedDatabase}");
        o.WriteLine($"report: {p.ReportPath}");
    }
}
