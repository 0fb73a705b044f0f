// The real aide (Debian's 0.18, deps/aide.txt) on a scratch tree with its own config: init,
// known changes found with the right attributes, accept, the database trust anchor, AIDE's
// errors surfaced, the lock, and a killed run leaving the previous database and report intact.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Aide.Tests;

public class LiveAideTests
{
    private static AideManager Manager(AideSettings settings) => new(new SystemContext(), settings);

    private static void Chown(string path, string owner)
    {
        var r = new ProcessRunner().RunAsync(new CommandSpec("chown", owner, path)).GetAwaiter().GetResult();
        Assert.True(r.Succeeded, r.StandardError);
    }

    [RootFact]
    public async Task Check_finds_exactly_the_added_removed_and_changed_files_with_their_attributes()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings);
        var init = await m.InitAsync(force: false);
        Assert.Equal(s.Settings.DatabasePath, init.Database);
        Assert.True(File.Exists(s.Settings.DatabasePath));
        Assert.False(File.Exists(s.Settings.NewDatabasePath));
        Assert.Equal(CheckStatus.Ok, (await m.CheckAsync()).Status);

        s.Write("etc/new", "new\n");
        s.Write("bin/new2", "new2\n");
        File.Delete(s.P("etc/b"));
        File.AppendAllText(s.P("etc/a"), "more\n");
        File.SetUnixFileMode(s.P("bin/c"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Chown(s.P("bin/d"), "nobody");

        var r = await m.CheckAsync();
        Assert.True(r.Status == CheckStatus.Warning, r.Problem);
        Assert.Equal(7, r.AideExit);
        var rep = r.Report!;
        Assert.Equal((2, 1, 3), (rep.Added, rep.Removed, rep.Changed));
        Assert.Equal([s.P("bin/new2"), s.P("etc/new")], rep.Of(AideChange.Added).Select(e => e.Path));
        Assert.Equal([s.P("etc/b")], rep.Of(AideChange.Removed).Select(e => e.Path));
        var changed = rep.Of(AideChange.Changed).ToDictionary(e => e.Path, e => string.Join(',', e.Attributes));
        Assert.Equal(new Dictionary<string, string>
        {
            [s.P("bin/c")] = "perm",
            [s.P("bin/d")] = "uid",
            [s.P("etc/a")] = "size,sha256",
        }, changed);
        Assert.Equal(s.Settings.ReportPath, r.ReportPath);
        Assert.Contains("AIDE found differences", File.ReadAllText(s.Settings.ReportPath));
    }

    [Fact]
    public async Task Accept_archives_the_old_database_and_the_next_check_is_clean()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings);
        var first = await m.InitAsync(force: false);
        s.Write("etc/new", "new\n");
        Assert.Equal(CheckStatus.Warning, (await m.CheckAsync()).Status);

        var accepted = await m.AcceptAsync();
        Assert.NotNull(accepted.ArchivedDatabase);
        Assert.Matches(@"/aide\.db\.\d{8}-\d{6}(-\d+)?$", accepted.ArchivedDatabase);
        Assert.Equal(first.State.Sha256, AideStore.Digest(accepted.ArchivedDatabase!).Sha256);
        Assert.NotEqual(first.State.Sha256, accepted.State.Sha256);
        Assert.Equal(accepted.State.Sha256, AideStore.Digest(s.Settings.DatabasePath).Sha256);
        Assert.Equal(1, accepted.Report.Added);

        var after = await m.CheckAsync();
        Assert.Equal(CheckStatus.Ok, after.Status);
        Assert.False(after.HasChanges);
        // Every report is kept: init, the check, accept's update, the last check.
        var archives = Directory.EnumerateFiles(s.Settings.LogDirectory, "aide.log.2*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(archives.Count == 3, string.Join(" ", archives));
    }

    [Fact]
    public async Task A_one_byte_change_to_the_database_is_critical_and_aide_is_not_run()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings);
        await m.InitAsync(force: false);
        var reportBefore = File.ReadAllText(s.Settings.ReportPath);
        var bytes = File.ReadAllBytes(s.Settings.DatabasePath);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(s.Settings.DatabasePath, bytes);

        var r = await m.CheckAsync();
        Assert.Equal(CheckStatus.Critical, r.Status);
        Assert.Null(r.AideExit);
        Assert.StartsWith(s.Settings.DatabasePath + ": database does not match the digest recorded in " + s.Settings.StateFile, r.Problem);
        Assert.Equal(reportBefore, File.ReadAllText(s.Settings.ReportPath));
        var e = await Assert.ThrowsAsync<OpsKitException>(() => m.AcceptAsync());
        Assert.Contains("nothing accepted", e.Message);
    }

    [Fact]
    public async Task A_database_without_a_recorded_digest_is_not_trusted()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings);
        await m.InitAsync(force: false);
        File.Delete(s.Settings.StateFile);
        var r = await m.CheckAsync();
        Assert.Equal(CheckStatus.Critical, r.Status);
        Assert.Contains("no digest recorded in " + s.Settings.StateFile, r.Problem);
    }

    [Fact]
    public async Task Without_a_database_check_is_unknown_and_init_refuses_to_overwrite_one()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings);
        var r = await m.CheckAsync();
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Contains("no database; run 'opskit aide init'", r.Problem);
        await m.InitAsync(force: false);
        var e = await Assert.ThrowsAsync<OpsKitException>(() => m.InitAsync(force: false));
        Assert.Contains("a database exists", e.Message);
        var forced = await m.InitAsync(force: true);
        Assert.NotNull(forced.ArchivedDatabase);
    }

    [Fact]
    public async Task A_config_error_is_aides_own_message_with_file_and_line()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings);
        await m.InitAsync(force: false);
        File.WriteAllText(s.AideConf, "F = p+u+g\nno_such_option=1\n" + s.Tree + " F\n");
        var r = await m.CheckAsync();
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Equal(17, r.AideExit);
        Assert.Contains("failed (exit 17, configuration error): " + s.AideConf + ":2: unknown config option: 'no_such_option'", r.Problem);
        var e = await Assert.ThrowsAsync<OpsKitException>(() => m.AcceptAsync());
        Assert.Equal(ExitCodes.Config, e.ExitCode);
    }

    [Fact]
    public async Task Missing_aide_is_exit_69_with_a_clear_message()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings with { Program = s.Dir.File("no-such-aide") });
        var e = await Assert.ThrowsAsync<OpsKitException>(() => m.CheckAsync());
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Equal(s.Dir.File("no-such-aide") + ": not found; install Debian's aide package or set [aide] aide to its path", e.Message);
    }

    [Fact]
    public async Task A_second_run_is_locked_out()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings);
        await m.InitAsync(force: false);
        using (m.Store.Lock())
        {
            var r = await Manager(s.Settings).CheckAsync();
            Assert.Equal(CheckStatus.Unknown, r.Status);
            Assert.Contains("another opskit aide run holds the lock", r.Problem);
            var e = await Assert.ThrowsAsync<OpsKitException>(() => Manager(s.Settings).AcceptAsync());
            Assert.Contains(s.Settings.LockPath, e.Message);
        }
        Assert.Equal(CheckStatus.Ok, (await m.CheckAsync()).Status);
    }

    [Fact]
    public async Task A_killed_update_leaves_the_previous_database_and_report_in_place()
    {
        using var s = new AideScratch();
        var m = Manager(s.Settings);
        var init = await m.InitAsync(force: false);
        var report = File.ReadAllText(s.Settings.ReportPath);
        // A program that starts like aide and hangs: the timeout kills it mid-run.
        var hang = s.Dir.Write("slow-aide", "#!/bin/sh\nexec sleep 30\n");
        File.SetUnixFileMode(hang, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var slow = Manager(s.Settings with { Program = hang, Timeout = TimeSpan.FromSeconds(1) });
        s.Write("etc/new", "new\n");
        var e = await Assert.ThrowsAsync<OpsKitException>(() => slow.AcceptAsync());
        Assert.Contains("killed after 1 s", e.Message);
        var r = await slow.CheckAsync();
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Equal(init.State.Sha256, AideStore.Digest(s.Settings.DatabasePath).Sha256);
        Assert.Equal(report, File.ReadAllText(s.Settings.ReportPath));
        Assert.Empty(Directory.EnumerateFiles(s.Settings.LogDirectory, ".*"));
        Assert.False(File.Exists(s.Settings.NewDatabasePath));
        Assert.Equal(CheckStatus.Warning, (await m.CheckAsync()).Status);
    }

    [Fact]
    public async Task The_generated_config_passes_aides_config_check()
    {
        using var s = new AideScratch();
        var file = s.Dir.Write("generated.conf", AideConfigTemplate.Render(new AideSettings(), home: false));
        Assert.Null(await Manager(s.Settings).ConfigCheckAsync(file));
        var withHome = s.Dir.Write("home.conf", AideConfigTemplate.Render(new AideSettings(), home: true));
        Assert.Null(await Manager(s.Settings).ConfigCheckAsync(withHome));
        Assert.Contains("\n!/home\n", File.ReadAllText(file));
        Assert.Contains("\n/home       System\n", File.ReadAllText(withHome));
        var broken = s.Dir.Write("broken.conf", "X = p+nosuchattr\n");
        Assert.Contains("broken.conf:1", await Manager(s.Settings).ConfigCheckAsync(broken));
    }
}
