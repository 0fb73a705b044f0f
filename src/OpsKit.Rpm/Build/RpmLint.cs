// Runs rpmlint with OpsKit's profile on the packages a build wrote and
// reads its findings and summary line.
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Rpm.Build;

/// <summary>rpmlint's verdict.</summary>
/// <param name="Errors">Error count from the summary line.</param>
/// <param name="Warnings">Warning count.</param>
/// <param name="Findings">The "pkg: E: id detail" lines.</param>
public sealed record LintResult(int Errors, int Warnings, IReadOnlyList<string> Findings);

/// <summary>rpmlint runner.</summary>
public static partial class RpmLint
{
    /// <summary>Lints the packages; a missing rpmlint is exit 69.</summary>
    public static async Task<LintResult> RunAsync(SystemContext context, IReadOnlyList<string> packages, SupportFiles support, CancellationToken ct)
    {
        if (ExecutableLocator.Find("rpmlint", context.Env("PATH")) is null)
            throw OpsKitException.Unavailable("rpmlint not found; install the 'rpmlint' package or pass --no-lint");
        var args = new List<string> { "-c", support.LintConfig };
        args.AddRange(packages);
        var command = new CommandSpec("rpmlint", args)
        {
            Timeout = TimeSpan.FromMinutes(10),
            Environment = new Dictionary<string, string?> { ["LC_ALL"] = "C.UTF-8", ["NO_COLOR"] = "1" },
        };
        context.Loggers.CreateLogger("rpm").LogInformation("Running {Command}", command.Display);
        var r = await context.Runner.RunAsync(command, ct).ConfigureAwait(false);
        if (r.StartError is not null) throw OpsKitException.Unavailable($"cannot run rpmlint: {r.StartError}");
        var text = Regex.Replace(r.StandardOutput + "\n" + r.StandardError, @"\x1b\[[0-9;]*m", "");
        var findings = text.Split('\n').Select(l => l.TrimEnd()).Where(l => Finding().IsMatch(l)).ToList();
        var m = Summary().Match(text);
        if (!m.Success) throw new OpsKitException($"rpmlint printed no summary (exit {r.ExitCode}): {text.Trim()}");
        return new LintResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), findings);
    }

    [GeneratedRegex(@"^\S+: [EW]: \S")]
    private static partial Regex Finding();

    [GeneratedRegex(@"checked; (\d+) errors?, (\d+) warnings?")]
    private static partial Regex Summary();
}
