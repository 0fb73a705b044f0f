// Runs the real aide through the runner seam: our config, the database, report place and
// format given with -B (AIDE 0.18 keeps the first definition of an option, so these win
// over the config file's), under nice/ionice and a timeout. Error exits 14-23 are named.
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Aide;

/// <summary>One finished aide run.</summary>
/// <param name="Verb">check, init or update.</param>
/// <param name="ExitCode">AIDE's exit code.</param>
/// <param name="Error">Null when AIDE did its job (exit 0-7); else what went wrong, in one line.</param>
/// <param name="Result">The raw result.</param>
public sealed record AideRun(string Verb, int ExitCode, string? Error, CommandResult Result);

/// <summary>Runs aide.</summary>
internal sealed class AideProgram(SystemContext context, AideSettings settings, ILogger log)
{
    /// <summary>The full path of aide; exit 69 when it is not installed.</summary>
    public string Locate() =>
        ExecutableLocator.Find(settings.Program, context.Env("PATH"))
        ?? throw OpsKitException.Unavailable($"{settings.Program}: not found; install Debian's aide package or set [aide] aide to its path");

    /// <summary>Fails with exit 78 when AIDE's config file is missing.</summary>
    public void RequireConfig()
    {
        if (!File.Exists(settings.ConfigFile))
            throw OpsKitException.Config($"{settings.ConfigFile}: no such file ([aide] config; 'opskit aide config > {settings.ConfigFile}' writes a starting one)");
    }

    /// <summary>Runs "aide --VERB" writing the report to <paramref name="reportFile"/>.</summary>
    public async Task<AideRun> RunAsync(string aide, string verb, string reportFile, IEnumerable<string> options, CancellationToken ct)
    {
        var args = new List<string> { $"--{verb}", "-c", settings.ConfigFile };
        foreach (var o in options.Concat([$"report_url=file:{reportFile}", "report_format=plain"]))
        {
            args.Add("-B");
            args.Add(o);
        }
        var spec = Wrap(aide, args) with { Timeout = settings.Timeout };
        log.LogDebug("running {Command}", spec.Display);
        var result = await context.Runner.RunAsync(spec, ct).ConfigureAwait(false);
        return new AideRun(verb, result.ExitCode, Explain(verb, result), result);
    }

    /// <summary>Runs "aide --config-check" on a file.</summary>
    public async Task<CommandResult> ConfigCheckAsync(string aide, string file, CancellationToken ct) =>
        await context.Runner.RunAsync(new CommandSpec(aide, "--config-check", "-c", file) { Timeout = TimeSpan.FromSeconds(60) }, ct).ConfigureAwait(false);

    private CommandSpec Wrap(string aide, List<string> args)
    {
        var prefix = new List<string>();
        if (settings.IoNice != "none" && ExecutableLocator.Find("ionice", context.Env("PATH")) is { } ionice)
            prefix.AddRange([ionice, "-c", settings.IoNice == "idle" ? "3" : "2"]);
        if (settings.Nice > 0 && ExecutableLocator.Find("nice", context.Env("PATH")) is { } nice)
            prefix.AddRange([nice, "-n", settings.Nice.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (prefix.Count == 0) return new CommandSpec(aide, args);
        return new CommandSpec(prefix[0], [.. prefix.Skip(1), aide, .. args]);
    }

    /// <summary>Null for a run that did its job, else one line naming what failed.</summary>
    internal string? Explain(string verb, CommandResult r)
    {
        var what = $"aide --{verb} -c {settings.ConfigFile}";
        if (r.StartError is not null) return $"{what}: cannot start {settings.Program}: {r.StartError}";
        if (r.TimedOut) return $"{what}: killed after {settings.Timeout.TotalSeconds:0} s ([aide] timeout)";
        if (r.ExitCode is >= 0 and <= 7) return null;
        var errors = AideErrors(r.StandardError);
        var name = ExitName(r.ExitCode);
        return $"{what} failed (exit {r.ExitCode}{(name is null ? "" : ", " + name)})" + (errors.Length > 0 ? ": " + errors : "");
    }

    /// <summary>AIDE's ERROR lines (stderr), prefixes removed, joined; else its last stderr line.</summary>
    internal static string AideErrors(string stderr)
    {
        var lines = stderr.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var errors = lines.Where(l => l.StartsWith("ERROR:", StringComparison.Ordinal)).Select(l => l["ERROR:".Length..].Trim()).ToList();
        if (errors.Count > 0) return string.Join("; ", errors);
        return lines.Count > 0 ? lines[^1] : "";
    }

    /// <summary>AIDE 0.18's generic error exits (aide(1), EXIT STATUS).</summary>
    internal static string? ExitName(int code) => code switch
    {
        14 => "writing error",
        15 => "invalid argument",
        16 => "unimplemented function",
        17 => "configuration error",
        18 => "I/O error",
        19 => "version mismatch",
        20 => "exec error",
        21 => "file lock error",
        22 => "memory allocation error",
        23 => "thread error",
        > 128 and < 160 => $"killed by signal {code - 128}",
        _ => null,
    };
}
