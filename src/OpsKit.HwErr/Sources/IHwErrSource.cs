// The one interface every source implements, like the RAID backends: it reads its input
// (through SystemContext.HostPath, a file, or a command) and says what it counted.
using OpsKit.Core;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Sources;

/// <summary>A source of hardware-error evidence.</summary>
public interface IHwErrSource
{
    /// <summary>Stable lowercase name: "edac", "aer", "log", "ras-mc-ctl", "mcelog", "edac-util".</summary>
    string Name { get; }

    /// <summary>Reads the source. Problems reading it become UNKNOWN notes, not exceptions.</summary>
    Task<SourceReport> ReadAsync(SystemContext context, CancellationToken cancellationToken);
}
