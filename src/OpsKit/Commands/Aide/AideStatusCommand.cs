// opskit aide status: the database against its recorded digest, the last report's result,
// and the archives kept. Exit 0 when the database is trusted, 2 when it is not, 3 without one.
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpsKit.Aide;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aide;

/// <summary>"aide status".</summary>
public static class AideStatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = GlobalOptions.Json();
        var command = new Command("status", "Show the database and its recorded digest, the last report and the archives; exit 2 when the database is not trusted.") { json };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "aide");
            var settings = AideCommand.Settings(host);
            var status = new AideManager(host.Context, settings).Status();
            if (parse.GetValue(json))
            {
                var last = status.LastReport;
                JsonOutput.Write(CommandHost.Out, new JsonObject
                {
                    ["status"] = status.Status.Label(),
                    ["problem"] = status.Problem,
                    ["database"] = new JsonObject
                    {
                        ["path"] = status.Database.Path,
                        ["exists"] = status.Database.Exists,
                        ["sha256"] = status.Database.Sha256,
                        ["size"] = status.Database.Exists ? status.Database.Size : null,
                        ["recorded_sha256"] = status.Database.State?.Sha256,
                        ["recorded"] = status.Database.State?.Recorded.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                        ["trusted"] = status.Database.Trusted,
                    },
                    ["last_report"] = last is null ? null : new JsonObject
                    {
                        ["path"] = settings.ReportPath,
                        ["started"] = last.Started?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                        ["added"] = last.Added,
                        ["removed"] = last.Removed,
                        ["changed"] = last.Changed,
                    },
                    ["archived_reports"] = status.ArchivedReports,
                    ["archived_databases"] = status.ArchivedDatabases,
                });
                return (int)status.Status;
            }
            var t = new TextTable("ITEM", "VALUE");
            var db = status.Database;
            t.Add("database", db.Exists ? string.Create(CultureInfo.InvariantCulture, $"{db.Path} ({db.Size} bytes)") : $"{db.Path} (missing)");
            if (db.Sha256 is not null) t.Add("sha256", db.Sha256);
            t.Add("recorded", db.State is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Sha256} at {s.Recorded.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z") : $"nothing in {settings.StateFile}");
            t.Add("trusted", db.Trusted ? "yes" : "NO");
            t.Add("last report", status.LastReport is { } r
                ? string.Create(CultureInfo.InvariantCulture, $"{settings.ReportPath} ({r.Started?.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z): {r.Added} added, {r.Removed} removed, {r.Changed} changed")
                : "none");
            t.Add("archives", string.Create(CultureInfo.InvariantCulture, $"{status.ArchivedReports} reports, {status.ArchivedDatabases} databases (max_age {settings.MaxAge.TotalDays} days)"));
            CommandHost.Out.Write(t.ToString());
            CommandHost.Out.WriteLine($"AIDE {status.Status.Label()}: {status.Problem ?? "database matches its recorded digest"}");
            return (int)status.Status;
        });
        return command;
    }
}
