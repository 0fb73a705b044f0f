// spectool-like: finds the Source and Patch files a spec names and copies
// local ones into SOURCES, so "missing source" is reported before rpmbuild runs.
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Rpm.Build;

/// <summary>Puts a spec's sources in place.</summary>
public static partial class SourceFetcher
{
    /// <summary>Copies each Source/Patch found beside the spec or in the working directory into TOPDIR/SOURCES.
    /// Throws a data error naming the first that is nowhere to be found.</summary>
    public static async Task<IReadOnlyList<string>> PlaceAsync(SystemContext context, string spec, string topDir, HostRpm host, SupportFiles support, CancellationToken ct)
    {
        var args = new List<string> { "-P", "--define", $"_topdir {topDir}" };
        if (!host.IsRpmDistro) args.Add($"--load={support.CompatMacros}");
        args.Add(spec);
        var r = await context.Runner.RunAsync(new CommandSpec("rpmspec", args) { Timeout = TimeSpan.FromMinutes(2) }, ct).ConfigureAwait(false);
        if (r.StartError is not null) throw OpsKitException.Unavailable($"cannot run rpmspec: {r.StartError}");
        if (!r.Succeeded)
        {
            var why = r.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? r.StandardError.Trim();
            throw OpsKitException.BadData($"{spec}: rpmspec cannot parse it: {why.Replace("error: ", "", StringComparison.Ordinal)}");
        }
        var sources = Path.Combine(topDir, "SOURCES");
        Directory.CreateDirectory(sources);
        var placed = new List<string>();
        var specDir = Path.GetDirectoryName(Path.GetFullPath(spec))!;
        foreach (Match m in SourceLine().Matches(r.StandardOutput))
        {
            var tag = m.Groups[1].Value;
            var value = m.Groups[2].Value.Trim();
            var file = FileName(value);
            var target = Path.Combine(sources, file);
            var found = new[] { Path.Combine(specDir, file), Path.Combine(Directory.GetCurrentDirectory(), file) }
                .Where(f => Path.GetFullPath(f) != Path.GetFullPath(target)).FirstOrDefault(File.Exists);
            // A copy beside the spec wins over an older one in SOURCES: a stale tarball must not be built silently.
            if (found is null && File.Exists(target)) continue;
            if (found is not null && File.Exists(target) && SameContent(found, target)) continue;
            if (found is null)
            {
                var hint = value.Contains("://", StringComparison.Ordinal) ? $" (download it from {value})" : "";
                throw new OpsKitException($"{spec}: missing source: {tag} '{file}' is not in {sources}, beside the spec or in the current directory{hint}");
            }
            File.Copy(found, target, overwrite: true);
            context.Loggers.CreateLogger("rpm").LogInformation("Copied {Tag} {Source} to {Target}", tag, found, target);
            placed.Add(target);
        }
        return placed;
    }

    private static bool SameContent(string a, string b)
    {
        if (new FileInfo(a).Length != new FileInfo(b).Length) return false;
        return File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }

    /// <summary>The file name part of a Source value (URL fragment "#/name" wins, as in spectool).</summary>
    public static string FileName(string value)
    {
        var hash = value.IndexOf("#/", StringComparison.Ordinal);
        if (hash >= 0) return value[(hash + 2)..];
        return value.Split('/')[^1];
    }

    [GeneratedRegex(@"^((?:Source|Patch)\d*)\s*:\s*(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();
}
