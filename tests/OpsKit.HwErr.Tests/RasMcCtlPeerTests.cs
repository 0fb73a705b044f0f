// rasdaemon's real ras-mc-ctl against an error database the test writes: the records go in
// with sqlite3, ras-mc-ctl reads them from /var/lib/rasdaemon in a private mount namespace
// (a tmpfs over /var/lib seen only by that process), and its --summary, --errors and
// --error-count outputs must give the verdicts and counts the records say.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.HwErr.Parsing;
using OpsKit.Testing;

namespace OpsKit.HwErr.Tests;

public sealed class RasMcCtlPeerTests : IDisposable
{
    private const string Schema = """
        create table mc_event(id integer primary key, timestamp, err_count, err_type, err_msg, label, mc, top_layer, middle_layer, lower_layer, address, grain, syndrome, driver_detail);
        create table aer_event(id integer primary key, timestamp, dev_name, err_type, err_msg);
        create table extlog_event(id integer primary key, timestamp, etype, error_count, severity, address, fru_id, fru_text, cper_data);
        create table mce_record(id integer primary key, timestamp, mcgcap, mcgstatus, status, addr, misc, ip, tsc, walltime, cpu, cpuid, apicid, socketid, cs, bank, cpuvendor, bank_name, error_msg, mcgstatus_msg, mcistatus_msg, user_action, mc_location);
        """;

    private readonly TempDir _dir = new("hwerr-rasdb");

    private string Db(string rows)
    {
        var db = _dir.File("ras-mc_event.db");
        File.Delete(db);
        var r = new ProcessRunner().RunAsync(new CommandSpec(Tool("sqlite3"), db) { StandardInput = System.Text.Encoding.UTF8.GetBytes(Schema + rows), Timeout = TimeSpan.FromSeconds(30) }).GetAwaiter().GetResult();
        Assert.True(r.Succeeded, r.StandardError);
        return db;
    }

    private static string Tool(string name) => ExecutableLocator.Find(name) ?? throw new InvalidOperationException($"{name} not installed (make deps)");

    private static string RasMcCtl(string db, string option)
    {
        var script = "mount -t tmpfs tmpfs /var/lib && mkdir /var/lib/rasdaemon && cp \"$1\" /var/lib/rasdaemon/ras-mc_event.db && exec \"$2\" \"$3\"";
        var r = new ProcessRunner().RunAsync(new CommandSpec(Tool("unshare"), "-m", "--propagation", "private", "sh", "-c", script, "sh", db, Tool("ras-mc-ctl"), option) { Timeout = TimeSpan.FromSeconds(60) }).GetAwaiter().GetResult();
        Assert.True(r.Succeeded, $"ras-mc-ctl {option}: exit {r.ExitCode}\n{r.StandardError}");
        return r.StandardOutput;
    }

    [RootFact]
    public void Empty_database_is_ok_in_every_mode()
    {
        var db = Db("");
        foreach (var mode in new[] { "--summary", "--errors" })
        {
            var report = ToolParsers.RasMcCtl(RasMcCtl(db, mode), "ras-mc-ctl " + mode);
            Assert.True(report.Status == CheckStatus.Ok, $"{mode}: {string.Join("; ", report.Notes.Select(n => n.Message))}");
        }
    }

    [RootFact]
    public void Corrected_memory_and_mce_records_are_warning_with_the_dimm_label()
    {
        var db = Db("""
            insert into mc_event values(1, '2026-12-01 03:00:00 +0000', 3, 'Corrected', 'memory read error', 'CPU_SrcID#0_MC#2_Chan#0_DIMM#0', 2, 0, 0, -1, 0, 32, 0, '');
            insert into mce_record values(1, '2026-12-01 03:00:01 +0000', 284, 0, -2584995817299377893, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 21, 0, 'Unified Memory Controller (bank=21)', 'Corrected error, no action required.', '', 'Error_overflow CECC', '', 'memory_channel=0,csrow=2');
            """);
        // --summary counts events (one row holding 3 errors), --errors shows the row's error count.
        var summary = ToolParsers.RasMcCtl(RasMcCtl(db, "--summary"), "summary");
        Assert.Equal(CheckStatus.Warning, summary.Status);
        Assert.Equal((1L, 1L, 1L), ((long)summary.Details["memory_errors"]!, (long)summary.Details["mce_errors"]!, (long)summary.Details["mce_corrected"]!));
        Assert.Contains(summary.Observations, o => o.Dimm == "CPU_SrcID#0_MC#2_Chan#0_DIMM#0" && o.Value == 1);
        var errors = ToolParsers.RasMcCtl(RasMcCtl(db, "--errors"), "errors");
        Assert.Equal(CheckStatus.Warning, errors.Status);
        Assert.Equal("Unified Memory Controller (bank=21)", (string?)errors.Details["mce_banks"]![0]);
        Assert.Contains(errors.Observations, o => o.Dimm == "CPU_SrcID#0_MC#2_Chan#0_DIMM#0" && o.Value == 3);
    }

    [RootFact]
    public void Uncorrected_aer_and_mce_records_are_critical()
    {
        var db = Db("""
            insert into aer_event values(1, '2026-12-01 03:00:00 +0000', '0000:00:1c.0', 'Uncorrected (Non-Fatal)', 'Completion Timeout');
            insert into mce_record values(1, '2026-12-01 03:00:01 +0000', 284, 5, -4755801206494854139, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 5, 0, 'Internal unclassified', 'Uncorrected error', 'MCIP', 'PCC', '', '');
            """);
        var summary = ToolParsers.RasMcCtl(RasMcCtl(db, "--summary"), "summary");
        Assert.Equal(CheckStatus.Critical, summary.Status);
        Assert.Equal((1L, 1L), ((long)summary.Details["aer_errors"]!, (long)summary.Details["mce_uncorrected"]!));
        var errors = ToolParsers.RasMcCtl(RasMcCtl(db, "--errors"), "errors");
        Assert.Equal(CheckStatus.Critical, errors.Status);
        Assert.Contains(errors.Observations, o => o.Device == "0000:00:1c.0" && o.Severity == Model.Severity.Uncorrected);
    }

    public void Dispose() => _dir.Dispose();
}
