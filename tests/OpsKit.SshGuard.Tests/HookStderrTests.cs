// The refusal line as a file sees it when stderr is redirected.
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

public sealed class HookStderrTests : IDisposable
{
    private readonly TempDir _dir = new("ssh-stderr");

    public void Dispose() => _dir.Dispose();

    /// <summary>Two refusals with stderr appended to one file (2&gt;&gt;) keep both lines: the hook writes at the
    /// file's offset instead of overwriting from the start.</summary>
    [Fact]
    public void RefusalLines_AppendToAStderrFile()
    {
        var err = _dir.File("err.txt");
        const string script = "for c in 'rm -rf /' 'bash'; do SSH_CONNECTION='10.6.6.6 1 10.0.0.1 22' SSH_ORIGINAL_COMMAND=\"$c\" \"$1\" ssh validate --no-config --policy \"$2\" --dry-run 2>>\"$3\"; done";
        var r = OpskitProcess.Run(["-c", script, "sh", RepoPaths.OpskitBinary, AttackCorpus.PolicyFile, err], program: "/bin/bash");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["opskit: command refused: program 'rm' is not allowed", "opskit: command refused: program 'bash' is not allowed"], File.ReadAllLines(err));
    }
}
