// What "raid detect" found: evidence of controllers, the tools located, the backends
// chosen, and problems such as a controller whose tool is missing.
using OpsKit.Core;
using OpsKit.Raid.Backends;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Detection;

/// <summary>One piece of evidence.</summary>
/// <param name="Source">Where it was seen (/proc/scsi/scsi, /sys/bus/pci/drivers, /proc/mdstat, PATH).</param>
/// <param name="Detail">What was seen.</param>
/// <param name="Family">Controller family it points to (megaraid, 3ware, areca, mpt, md), or null.</param>
public sealed record DetectionFinding(string Source, string Detail, string? Family);

/// <summary>A backend chosen to run.</summary>
/// <param name="Backend">The backend.</param>
/// <param name="Program">Its program (full path), or null for mdstat.</param>
/// <param name="Why">Why it was chosen.</param>
public sealed record DetectedBackend(IRaidBackend Backend, string? Program, string Why);

/// <summary>The detection result.</summary>
public sealed class DetectionResult
{
    /// <summary>Evidence, in the order it was found.</summary>
    public List<DetectionFinding> Findings { get; } = [];

    /// <summary>Backends to run.</summary>
    public List<DetectedBackend> Selected { get; } = [];

    /// <summary>Problems (UNKNOWN): hardware present but no tool for it.</summary>
    public List<RaidNote> Problems { get; } = [];

    /// <summary>UNKNOWN on problems, the no-RAID state when nothing is selected, else OK.</summary>
    public CheckStatus Status(RaidPolicy policy) =>
        Problems.Count > 0 ? CheckStatus.Unknown : Selected.Count == 0 ? policy.NoRaidState : CheckStatus.Ok;
}
