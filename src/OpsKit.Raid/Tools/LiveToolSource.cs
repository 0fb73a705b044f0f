// Runs vendor tools for real through the SystemContext runner: argv without a shell,
// LC_ALL=C, a temp working directory (MegaCli/storcli drop log files), a timeout that
// kills the process tree, optional "sudo -n". Hangs, start errors and empty output fail.
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Raid.Tools;

/// <summary>Runs the real tools.</summary>
public sealed class LiveToolSource(SystemContext context, TimeSpan timeout, bool sudo, ILogger log) : IToolSource
{
    private static readonly Dictionary<string, string?> s_environment = new() { ["LC_ALL"] = "C", ["LANG"] = "C" };

    /// <inheritdoc />
    public bool IsReplay => false;

    /// <inheritdoc />
    public async Task<ToolRun> RunAsync(string program, ToolCommand command, CancellationToken cancellationToken)
    {
        if (command.HostFile is { } hostFile) return ReadHostFile(hostFile);
        var spec = sudo
            ? new CommandSpec("sudo", ["-n", program, .. command.Arguments])
            : new CommandSpec(program, command.Arguments);
        spec = spec with { Timeout = timeout, Environment = s_environment, WorkingDirectory = Path.GetTempPath() };
        log.LogDebug("Running {Command}", spec.Display);
        var result = await context.Runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        if (result.StartError is not null) return ToolRun.Failed($"{spec.Display}: could not start: {result.StartError}", result.ExitCode);
        if (result.TimedOut)
        {
            log.LogWarning("{Command} timed out after {Seconds} s and was killed", spec.Display, timeout.TotalSeconds);
            return ToolRun.Failed($"{spec.Display}: timed out after {timeout.TotalSeconds:0.#} s (killed)", result.ExitCode);
        }
        if (string.IsNullOrWhiteSpace(result.StandardOutput))
        {
            var why = FirstLine(result.StandardError);
            return ToolRun.Failed($"{spec.Display}: empty output (exit {result.ExitCode}{(why.Length > 0 ? ": " + why : "")})", result.ExitCode);
        }
        return ToolRun.Ok(result.StandardOutput, result.ExitCode);
    }

    private ToolRun ReadHostFile(string hostFile)
    {
        var path = context.HostPath(hostFile);
        try
        {
            var text = File.ReadAllText(path);
            return string.IsNullOrWhiteSpace(text) ? ToolRun.Failed($"{hostFile}: empty") : ToolRun.Ok(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ToolRun.Failed($"{hostFile}: {e.Message}");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
