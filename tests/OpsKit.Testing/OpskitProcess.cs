// Runs the built opskit binary end to end, as a user or cron would.
using OpsKit.Core.Processes;

namespace OpsKit.Testing;

/// <summary>Runs the real opskit executable.</summary>
public static class OpskitProcess
{
    /// <summary>Runs opskit with arguments; env entries with null values are removed. Never uses /etc/opskit unless asked.</summary>
    public static CommandResult Run(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? env = null,
        string? stdin = null, TimeSpan? timeout = null, string? program = null, string? workingDirectory = null)
    {
        var environment = new Dictionary<string, string?>
        {
            // A test run inside an ssh session must not look like a forced command to the binary.
            ["OPSKIT_CONFIG"] = null, ["SSH_ORIGINAL_COMMAND"] = null, ["SSH_CONNECTION"] = null, ["SSH_CLIENT"] = null,
            // The test harness's own variables are not settings; 'config check' would rightly call them unknown.
            ["OPSKIT_BIN"] = null, ["OPSKIT_SHARED"] = null, ["OPSKIT_UPDATE_GOLDEN"] = null,
        };
        if (env is not null) foreach (var (k, v) in env) environment[k] = v;
        var spec = new CommandSpec(program ?? RepoPaths.OpskitBinary, args)
        {
            Environment = environment,
            StandardInput = stdin is null ? null : System.Text.Encoding.UTF8.GetBytes(stdin),
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
            WorkingDirectory = workingDirectory,
        };
        return new ProcessRunner().RunAsync(spec).GetAwaiter().GetResult();
    }

    /// <summary>Same with params arguments.</summary>
    public static CommandResult Run(params string[] args) => Run((IReadOnlyList<string>)args);
}
