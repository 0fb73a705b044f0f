// Runs rpmbuild the OpsKit way: an explicit _topdir, --nodeps and the compat
// macros on hosts that are not RPM distributions (research 8.7).
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Rpm.Build;

/// <summary>One rpmbuild invocation.</summary>
/// <param name="Spec">The spec file.</param>
/// <param name="TopDir">The build tree.</param>
/// <param name="Stage">"-ba", "-bi", "-bs", ...</param>
/// <param name="Extra">More rpmbuild arguments from the user.</param>
/// <param name="BuildRoot">An explicit buildroot (probe builds), or null.</param>
public sealed record RpmBuildRun(string Spec, string TopDir, string Stage, IReadOnlyList<string> Extra, string? BuildRoot = null)
{
    /// <summary>The argv after "rpmbuild".</summary>
    public IReadOnlyList<string> Arguments(HostRpm host, SupportFiles support)
    {
        var args = new List<string> { "--define", $"_topdir {TopDir}" };
        if (!host.IsRpmDistro) args.AddRange(["--nodeps", $"--load={support.CompatMacros}"]);
        if (BuildRoot is not null) args.AddRange(["--buildroot", BuildRoot]);
        args.Add(Stage);
        args.Add(Spec);
        args.AddRange(Extra);
        return args;
    }

    /// <summary>Runs rpmbuild and parses what it printed.</summary>
    public async Task<(CommandResult Result, BuildOutput Output)> RunAsync(SystemContext context, HostRpm host, SupportFiles support, CancellationToken ct)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = "C" };
        if (BuildPath.WithoutShims(context.Env("PATH")) is { } path) environment["PATH"] = path;
        var spec = new CommandSpec("rpmbuild", Arguments(host, support)) { Timeout = TimeSpan.FromHours(1), Environment = environment };
        var log = context.Loggers.CreateLogger("rpm");
        log.LogInformation("Running {Command}", spec.Display);
        var result = await context.Runner.RunAsync(spec, ct).ConfigureAwait(false);
        log.LogDebug("rpmbuild exited {ExitCode} after {Seconds:F1} s", result.ExitCode, result.Duration.TotalSeconds);
        if (result.StartError is not null) throw OpsKitException.Unavailable($"cannot run rpmbuild: {result.StartError}");
        var output = BuildOutput.Parse(result.StandardOutput, result.StandardError);
        if (result.TimedOut) output.Errors.Add("rpmbuild timed out after an hour");
        else if (result.ExitCode != 0 && output.Errors.Count == 0 && output.ScriptErrors.Count > 0)
        {
            output.Context.AddRange(output.ScriptErrorContext);
            output.Errors.AddRange(output.ScriptErrors);
        }
        else if (result.ExitCode != 0 && output.Errors.Count == 0) output.Errors.Add($"rpmbuild exited with status {result.ExitCode}");
        return (result, output);
    }
}
