// rpmbuild output: errors found even with exit 0, the unpackaged list, Wrote lines, plain explanations.
using OpsKit.Rpm.Build;

namespace OpsKit.Rpm.Tests.Build;

public sealed class BuildOutputTests
{
    [Fact]
    public void An_error_printed_with_exit_status_0_still_fails()
    {
        // rpm 4.18 on Debian, spec with %autorelease/%autochangelog and no rpmautospec macros.
        var o = BuildOutput.Parse("Wrote: /top/SRPMS/hello-1.0-%autorelease.src.rpm\n",
            "warning: line 3: Possible unexpanded macro in: Release:        %autorelease\nerror: %changelog entries must start with *\n");
        Assert.False(o.Ok);
        Assert.Equal(["line 3: Possible unexpanded macro in: Release:        %autorelease", "%changelog entries must start with *"], o.Errors);
        Assert.Equal(["/top/SRPMS/hello-1.0-%autorelease.src.rpm"], o.Written);
    }

    [Fact]
    public void Unpackaged_files_are_collected_and_explained()
    {
        var o = BuildOutput.Parse("", "Processing files: greet-2.1-1.x86_64\nerror: Installed (but unpackaged) file(s) found:\n   /etc/greet.conf\n   /usr/bin/greet\n\nRPM build errors:\n    Installed (but unpackaged) file(s) found:\n   /etc/greet.conf\n");
        Assert.Equal(["/etc/greet.conf", "/usr/bin/greet"], o.Unpackaged);
        var problem = Assert.Single(PackageBuilder.Explain(o));
        Assert.StartsWith("installed but unpackaged files", problem);
        Assert.Contains("/etc/greet.conf", problem);
        Assert.Contains("opskit rpm spec --probe", problem);
    }

    [Fact]
    public void Missing_source_and_failed_sections_are_explained()
    {
        var o = BuildOutput.Parse("", "+ cd greet-2.1\ngcc: error: greet.c: No such file\nerror: File /top/SOURCES/greet-2.1.tar.gz: No such file or directory\nerror: Bad exit status from /var/tmp/rpm-tmp.x (%prep)\n");
        var problems = PackageBuilder.Explain(o);
        Assert.Equal("missing source: File /top/SOURCES/greet-2.1.tar.gz: No such file or directory", problems[0]);
        Assert.StartsWith("Bad exit status from /var/tmp/rpm-tmp.x (%prep); the last output was:", problems[1]);
        Assert.Contains("gcc: error: greet.c: No such file", problems[1]);
    }

    [Fact]
    public void Warnings_are_kept_apart_from_errors()
    {
        var o = BuildOutput.Parse("", "warning: bogus date in %changelog: Mon Nov 22 2026 x\n");
        Assert.True(o.Ok);
        Assert.Single(o.Warnings);
    }
}
