// Runs the built opskit as sshd would start the hook: SSH_ORIGINAL_COMMAND set to
// exact bytes (through bash, since .NET's process API only passes valid UTF-8 strings).
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

/// <summary>Starts "opskit ssh validate" with a raw SSH_ORIGINAL_COMMAND.</summary>
public static class HookRun
{
    /// <summary>Runs the hook; <paramref name="command"/> null leaves the variable unset. Must not contain NUL.</summary>
    public static CommandResult Validate(byte[]? command, string workDir, params string[] args)
    {
        var env = new Dictionary<string, string?> { ["SSH_CONNECTION"] = "10.6.6.6 50000 10.0.0.1 22" };
        if (command is null)
        {
            return OpskitProcess.Run(["ssh", "validate", .. args], env);
        }
        var file = Path.Combine(workDir, $"cmd-{Guid.NewGuid():N}");
        File.WriteAllBytes(file, command);
        // $(...) drops trailing newlines, hence the sentinel x.
        const string script = "c=$(cat \"$1\"; printf x); export SSH_ORIGINAL_COMMAND=\"${c%x}\"; shift; exec \"$@\"";
        env["LC_ALL"] = "C";
        return OpskitProcess.Run(["-c", script, "hook", file, RepoPaths.OpskitBinary, "ssh", "validate", .. args], env, program: "/bin/bash");
    }
}
