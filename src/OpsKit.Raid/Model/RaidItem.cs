// One checked thing on a controller: an array, a disk, a battery, an enclosure part or the controller itself.
using OpsKit.Core;

namespace OpsKit.Raid.Model;

/// <summary>What a <see cref="RaidItem"/> is.</summary>
public enum RaidItemKind
{
    /// <summary>The controller's own summary status.</summary>
    Controller,
    /// <summary>A logical drive, unit, raid set or md array.</summary>
    Array,
    /// <summary>A physical disk or member.</summary>
    Disk,
    /// <summary>A BBU or CacheVault.</summary>
    Battery,
    /// <summary>An enclosure or one of its sensors.</summary>
    Enclosure,
}

/// <summary>One checked item with the tool's own state word and the verdict.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Its name on the controller ("0/1", "32:4", "md0", "u0", "p3").</param>
/// <param name="State">The state as the tool printed it.</param>
/// <param name="Status">The verdict under the active policy.</param>
public sealed record RaidItem(RaidItemKind Kind, string Id, string State, CheckStatus Status)
{
    /// <summary>Why the verdict is not plain OK, or a useful note (progress, spare).</summary>
    public string? Reason { get; init; }

    /// <summary>RAID level or unit type, when known.</summary>
    public string? Level { get; init; }

    /// <summary>Background activity (resync, rebuild, check...) when one runs.</summary>
    public string? Activity { get; init; }

    /// <summary>Progress of that activity in percent, when printed.</summary>
    public double? Progress { get; init; }

    /// <summary>Predictive failure count of a disk, when printed.</summary>
    public long? PredictiveFailures { get; init; }

    /// <summary>Media error count of a disk, when printed.</summary>
    public long? MediaErrors { get; init; }

    /// <summary>Temperature in degrees Celsius, when printed.</summary>
    public double? TemperatureCelsius { get; init; }

    /// <summary>The array a disk belongs to, when known.</summary>
    public string? Array { get; init; }
}
