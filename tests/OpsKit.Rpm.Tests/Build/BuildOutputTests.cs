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

    [Fact]
    public void Error_lines_a_passing_script_prints_are_its_own_output_not_rpms()
    {
        // zstd 1.5.4's %check: its tests make the CLI print "error: ..." on purpose, and pass (rpmbuild exit 0).
        var o = BuildOutput.Parse("Executing(%check): /bin/sh -e /var/tmp/rpm-tmp.c\nerror: numeric value overflows 32-bit unsigned int\n",
            "+ umask 022\n+ make check\nerror: numeric value overflows 32-bit unsigned int\n+ RPM_EC=0\n+ jobs -p\n+ exit 0\n");
        Assert.True(o.Ok, string.Join("; ", o.Errors));
        // The same lines before a failed %check are test output too: only the section's failure is an error.
        var failed = BuildOutput.Parse("Executing(%check): /bin/sh -e /var/tmp/rpm-tmp.c\n",
            "+ make check\nerror: numeric value overflows 32-bit unsigned int\nerror: Bad exit status from /var/tmp/rpm-tmp.c (%check)\n");
        Assert.Equal(["Bad exit status from /var/tmp/rpm-tmp.c (%check)"], failed.Errors);
        // And before rpm's check-files error of the probe (-bi with an empty %files): only that error.
        var probe = BuildOutput.Parse("Executing(%check): /bin/sh -e /var/tmp/rpm-tmp.c\nerror: numeric value overflows 32-bit unsigned int\n",
            "+ make check\n+ exit 0\nerror: Installed (but unpackaged) file(s) found:\n   /usr/bin/zstd\n");
        Assert.Equal(["Installed (but unpackaged) file(s) found:"], probe.Errors);
    }

    [Fact]
    public void Rpms_own_errors_after_the_install_trace_still_count()
    {
        // %install's trace ends with the brp scripts, not "+ exit 0"; rpm's check-files error follows (json-c's probe).
        var o = BuildOutput.Parse("Executing(%install): /bin/sh -e /var/tmp/rpm-tmp.i\n",
            "+ umask 022\n+ /usr/lib/rpm/brp-remove-la-files\nerror: Installed (but unpackaged) file(s) found:\n   /usr/lib64/libjson-c.so\n\nRPM build errors:\n    Installed (but unpackaged) file(s) found:\n   /usr/lib64/libjson-c.so\n");
        Assert.Equal(["Installed (but unpackaged) file(s) found:"], o.Errors);
        Assert.Equal(["/usr/lib64/libjson-c.so"], o.Unpackaged);
    }
}
