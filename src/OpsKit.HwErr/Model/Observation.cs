// One counted fact from a source: a sysfs or tool counter (a running total since boot) or
// a group of kernel-log events of one kind on one device. The checker judges these; the
// state file remembers them by Key.
namespace OpsKit.HwErr.Model;

/// <summary>A counter or an event count.</summary>
public sealed record Observation
{
    /// <summary>Stable identity across runs, e.g. "edac/mc0/csrow0/ch0_ce_count", "log/aer/0000:00:1c.1/corrected".</summary>
    public required string Key { get; init; }

    /// <summary>How bad a non-zero value is.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The counter value or the number of events.</summary>
    public required long Value { get; init; }

    /// <summary>True for running totals (sysfs, tools); false for events seen in this read of the log.</summary>
    public bool IsCounter { get; init; }

    /// <summary>False for counts that repeat others (csrow and DIMM counters under an MC total, AER "received"
    /// lines beside their records): judged, but left out of the ce/ue totals.</summary>
    public bool InTotal { get; init; } = true;

    /// <summary>A few words for reports: "mc2 csrow0 ch0 CPU_SrcID#0_MC#2_Chan#0_DIMM#0 corrected".</summary>
    public required string What { get; init; }

    /// <summary>Memory controller ("mc0") when known.</summary>
    public string? Mc { get; init; }

    /// <summary>DIMM label or slot when known.</summary>
    public string? Dimm { get; init; }

    /// <summary>PCI device ("0000:00:1c.0") or CPU bank when known.</summary>
    public string? Device { get; init; }

    /// <summary>Evidence: the file that holds the counter, or the first log line (FILE:LINE: text).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The increase since the previous run (runs with a state file); null in a replay.</summary>
    public long? Increase { get; set; }

    /// <summary>Corrected errors of this key within 24 hours (runs with a state file).</summary>
    public long? Last24Hours { get; set; }

    /// <summary>The number the verdict looks at when a state file decides (0: not a problem now); null: the value.</summary>
    public long? Judge { get; set; }
}
