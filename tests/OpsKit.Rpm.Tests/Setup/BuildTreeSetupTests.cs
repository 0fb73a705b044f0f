// rpm setup: the tree, ~/.rpmmacros handling (create, append, leave alone), root refusal.
using OpsKit.Core;
using OpsKit.Rpm.Setup;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Setup;

public sealed class BuildTreeSetupTests
{
    private static SystemContext Home(TempDir dir) => new(environment: new Dictionary<string, string> { ["HOME"] = dir.Path });

    [Fact]
    public void Fresh_home_gets_the_tree_and_a_macros_file_rpm_reads()
    {
        using var home = new TempDir("rpm-setup");
        var result = BuildTreeSetup.Run(Home(home), new SetupOptions(null, AllowRoot: false, IsRoot: false));
        Assert.Equal(home.File("rpmbuild"), result.TopDir);
        Assert.Equal(MacrosAction.Created, result.Action);
        Assert.Equal(["BUILD", "RPMS", "SOURCES", "SPECS", "SRPMS"], result.Created);
        foreach (var sub in BuildTreeSetup.Subdirectories) Assert.True(Directory.Exists(home.File("rpmbuild", sub)), sub);
        var eval = Samples.Run(home.Path, "env", $"HOME={home.Path}", "rpm", "--eval", "%{_topdir}");
        Assert.Equal(home.File("rpmbuild"), eval.StandardOutput.Trim());
    }

    [Fact]
    public void Second_run_changes_nothing()
    {
        using var home = new TempDir("rpm-setup");
        BuildTreeSetup.Run(Home(home), new SetupOptions(null, false, false));
        var before = File.ReadAllText(home.File(".rpmmacros"));
        var again = BuildTreeSetup.Run(Home(home), new SetupOptions(null, false, false));
        Assert.Equal(MacrosAction.Unchanged, again.Action);
        Assert.Empty(again.Created);
        Assert.Equal(5, again.Present.Count);
        Assert.Equal(before, File.ReadAllText(home.File(".rpmmacros")));
    }

    [Fact]
    public void Existing_macros_without_topdir_keep_their_lines_and_get_one_appended()
    {
        using var home = new TempDir("rpm-setup");
        home.Write(".rpmmacros", "%packager Ops Kit <ops@example.org>\n%_smp_mflags -j1");
        var result = BuildTreeSetup.Run(Home(home), new SetupOptions(home.File("tree"), false, false));
        Assert.Equal(MacrosAction.Appended, result.Action);
        Assert.Equal($"%packager Ops Kit <ops@example.org>\n%_smp_mflags -j1\n%_topdir {home.File("tree")}\n", File.ReadAllText(home.File(".rpmmacros")));
    }

    [Fact]
    public void A_different_topdir_in_macros_is_reported_not_rewritten()
    {
        using var home = new TempDir("rpm-setup");
        home.Write(".rpmmacros", "%_topdir %{getenv:HOME}/pkgs\n");
        var result = BuildTreeSetup.Run(Home(home), new SetupOptions(home.File("other"), false, false));
        Assert.Equal(MacrosAction.Conflict, result.Action);
        Assert.Equal(home.File("pkgs"), result.ExistingTopDir);
        Assert.Equal("%_topdir %{getenv:HOME}/pkgs\n", File.ReadAllText(home.File(".rpmmacros")));
        Assert.True(Directory.Exists(home.File("other", "SOURCES")));
    }

    [Fact]
    public void Without_topdir_flag_the_macros_file_choice_is_used()
    {
        using var home = new TempDir("rpm-setup");
        home.Write(".rpmmacros", "%_topdir ~/pkgs\n");
        var result = BuildTreeSetup.Run(Home(home), new SetupOptions(null, false, false));
        Assert.Equal(MacrosAction.Unchanged, result.Action);
        Assert.Equal(home.File("pkgs"), result.TopDir);
    }

    [Fact]
    public void Root_is_refused_without_allow_root_and_nothing_is_created()
    {
        using var home = new TempDir("rpm-setup");
        var e = Assert.Throws<OpsKitException>(() => BuildTreeSetup.Run(Home(home), new SetupOptions(null, AllowRoot: false, IsRoot: true)));
        Assert.Equal(ExitCodes.NoPermission, e.ExitCode);
        Assert.Contains("--allow-root", e.Message);
        Assert.False(File.Exists(home.File(".rpmmacros")));
        Assert.False(Directory.Exists(home.File("rpmbuild")));
    }
}
