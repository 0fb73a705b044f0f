// What a backend gets for one run: the output source, its resolved program, the policy and a logger.
using Microsoft.Extensions.Logging;
using OpsKit.Raid.Tools;

namespace OpsKit.Raid.Backends;

/// <summary>The per-run context of a backend.</summary>
/// <param name="Source">Live tools or a replayed bundle.</param>
/// <param name="Program">The backend's program (a full path when found).</param>
/// <param name="Policy">Verdict policy.</param>
/// <param name="Log">Logger scoped to the backend.</param>
public sealed record ToolContext(IToolSource Source, string Program, RaidPolicy Policy, ILogger Log)
{
    /// <summary>Programs other than the backend's own (mdadm), resolved by the caller.</summary>
    public IReadOnlyDictionary<string, string> OtherPrograms { get; init; } = new Dictionary<string, string>();

    /// <summary>Runs one command.</summary>
    public Task<ToolRun> RunAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        var program = command.Program is { } p ? OtherPrograms.GetValueOrDefault(p, p) : Program;
        return Source.RunAsync(program, command, cancellationToken);
    }
}
