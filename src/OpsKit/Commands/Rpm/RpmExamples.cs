// Examples and exit statuses of opskit-rpm(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Rpm;

/// <summary>The rpm page's EXAMPLES and EXIT STATUS.</summary>
public static class RpmExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit rpm setup", "Create ~/rpmbuild and set %_topdir in ~/.rpmmacros (idempotent)."),
        new("opskit rpm spec hello-1.0.tar.gz --probe -o hello.spec", "Write a spec: build system, SPDX license and %files from a trial build."),
        new("opskit rpm build hello.spec", "Build binary and source RPMs with rpmbuild, then run rpmlint; a progress line shows on a terminal."),
    ],
    [
        (ExitCodes.Ok, "success"),
        (ExitCodes.Failed, "rpmbuild or the trial build failed"),
        .. AreaDocs.ActionCodes,
        (ExitCodes.Unavailable, "rpmbuild is missing"),
    ]);
}
