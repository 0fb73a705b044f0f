// The origin's troubleshooting cases, and rpmbuild's "exit 0 despite errors".
using System.Text.RegularExpressions;
using OpsKit.Core;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.EndToEnd;

public sealed class TroubleshootingTests
{
    private static string HelloSpec(TempDir dir)
    {
        var tarball = Samples.Tarball(dir, "hello-make", "hello-1.0");
        var r = ShapeBuild.Opskit(dir, "rpm", "spec", tarball, "--probe", "--packager", "Ops Kit <ops@example.org>", "-o", "hello.spec");
        Assert.Equal(0, r.ExitCode);
        return dir.File("hello.spec");
    }

    [Fact]
    public void Missing_source_is_named_before_rpmbuild_runs()
    {
        using var dir = new TempDir("rpm-trouble");
        var spec = HelloSpec(dir);
        File.Delete(dir.File("hello-1.0.tar.gz"));
        var r = ShapeBuild.Opskit(dir, "rpm", "build", spec, "--topdir", dir.File("top"));
        Assert.Equal(ExitCodes.Failed, r.ExitCode);
        Assert.Contains($"opskit: {spec}: missing source: Source0 'hello-1.0.tar.gz' is not in {dir.File("top", "SOURCES")}, beside the spec or in the current directory", r.StandardError);
        Assert.Empty(Directory.EnumerateFiles(dir.File("top"), "*.rpm", SearchOption.AllDirectories));
    }

    [Fact]
    public void Unpackaged_files_are_listed_with_the_fix()
    {
        using var dir = new TempDir("rpm-trouble");
        var spec = HelloSpec(dir);
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("%config(noreplace) %{_sysconfdir}/hello.conf\n", "", StringComparison.Ordinal));
        var r = ShapeBuild.Opskit(dir, "rpm", "build", spec, "--topdir", dir.File("top"));
        Assert.Equal(ExitCodes.Failed, r.ExitCode);
        Assert.Contains("opskit: rpmbuild: installed but unpackaged files", r.StandardError);
        Assert.Contains("    /etc/hello.conf", r.StandardError);
        Assert.Contains("opskit rpm spec --probe", r.StandardError);

        var json = ShapeBuild.Opskit(dir, "rpm", "build", spec, "--topdir", dir.File("top"), "--json");
        Assert.Equal(ExitCodes.Failed, json.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(json.StandardOutput);
        Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(["/etc/hello.conf"], doc.RootElement.GetProperty("unpackaged").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Unexpanded_macros_fail_the_build_even_when_rpmbuild_exits_0()
    {
        using var dir = new TempDir("rpm-trouble");
        var spec = HelloSpec(dir);
        var text = File.ReadAllText(spec).Replace("Release:        1%{?dist}", "Release:        %autorelease", StringComparison.Ordinal);
        File.WriteAllText(spec, Regex.Replace(text, @"%changelog\n(.|\n)*", "%changelog\n%autochangelog\n"));
        var raw = Samples.Run(dir.Path, "rpmbuild", "--define", $"_topdir {dir.File("raw")}", "--nodeps", "-bs", spec, "--define", $"_sourcedir {dir.Path}");
        Assert.Equal(0, raw.ExitCode);
        var r = ShapeBuild.Opskit(dir, "rpm", "build", spec, "--topdir", dir.File("top"));
        Assert.Equal(ExitCodes.Failed, r.ExitCode);
        Assert.Contains("Possible unexpanded macro", r.StandardError);
    }
}
