// The one interface every controller tool implements: a new controller is a new backend, not a new branch.
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Backends;

/// <summary>A RAID backend: one vendor tool (or /proc/mdstat) and its verdict rules.</summary>
public interface IRaidBackend
{
    /// <summary>Stable lowercase name: the --backend value, the log scope, the fixture folder.</summary>
    string Name { get; }

    /// <summary>One line for "raid detect" and the help.</summary>
    string Description { get; }

    /// <summary>Program names searched for, preferred first; empty when nothing is run (mdstat).</summary>
    IReadOnlyList<string> Programs { get; }

    /// <summary>Every command line this backend may run, "{c}" standing for a controller number or device.</summary>
    IReadOnlyList<ToolCommandDeclaration> Commands { get; }

    /// <summary>True when a bundle with these file names holds this backend's output (replay inference).</summary>
    bool Claims(IReadOnlyCollection<string> fileNames);

    /// <summary>Runs the declared commands through the context and judges what they print.</summary>
    Task<BackendReport> CheckAsync(ToolContext context, CancellationToken cancellationToken);
}

/// <summary>A declared command plus whether it needs root (for the sudoers rules).</summary>
/// <param name="Command">The command.</param>
/// <param name="NeedsRoot">True for vendor tools; false for world-readable host files.</param>
public sealed record ToolCommandDeclaration(Tools.ToolCommand Command, bool NeedsRoot = true);
