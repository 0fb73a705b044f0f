// Which roots, series and policies a rotate run covers: the --root given (flags,
// --policy or a matching configured job) or, without --root, every [[snapshot.job]].
using OpsKit.Core;
using OpsKit.Snapshots.Retention;

namespace OpsKit.Snapshots.Rotation;

/// <summary>Resolves rotate requests from flags and [snapshot].</summary>
public static class RotationTargets
{
    /// <summary>The requests to run, in order.</summary>
    public static IReadOnlyList<RotateRequest> Resolve(string? root, string? series, string? policyName, PolicyOptions flags,
        SnapshotSettings settings, bool dryRun, DateTimeOffset? now, string? requireMount)
    {
        RetentionPolicy? Named(string name) => settings.Policies.TryGetValue(name, out var p) ? p
            : throw OpsKitException.Usage($"no policy '{name}' in [snapshot.policy] (known: {string.Join(", ", settings.Policies.Keys.DefaultIfEmpty("none"))})");
        if (root is not null)
        {
            // Pitfall 1b: an empty variable must never become "the current directory".
            if (string.IsNullOrWhiteSpace(root)) throw OpsKitException.Usage("snapshot root is empty or unset; refusing");
            var full = Path.GetFullPath(root).TrimEnd('/');
            var job = settings.Jobs.FirstOrDefault(j => Path.GetFullPath(j.Root).TrimEnd('/') == full && (series is null || j.Series == series));
            var configured = policyName is not null ? Named(policyName) : flags.HasRules ? null : job is null ? null : Named(job.Policy);
            var policy = flags.ToPolicy(configured, settings.TimeZone, settings.StaleAfterHours);
            return [new RotateRequest(root, series, policy, dryRun, now) { RequireMount = requireMount ?? job?.RequireMount }];
        }
        if (settings.Jobs.Count == 0)
            throw OpsKitException.Usage("no --root given and no [[snapshot.job]] in the config: nothing to rotate");
        return settings.Jobs
            .Where(j => series is null || j.Series == series)
            .Select(j => new RotateRequest(j.Root, j.Series, flags.ToPolicy(policyName is not null ? Named(policyName) : Named(j.Policy),
                settings.TimeZone, settings.StaleAfterHours), dryRun, now) { RequireMount = requireMount ?? j.RequireMount })
            .ToList();
    }
}
