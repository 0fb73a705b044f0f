// What one source (EDAC sysfs, AER sysfs, a kernel log, a tool output) found.
using System.Text.Json.Nodes;
using OpsKit.Core;

namespace OpsKit.HwErr.Model;

/// <summary>A note with a status: a source that could not be read, a host without EDAC.</summary>
/// <param name="Status">What the note contributes to the verdict.</param>
/// <param name="Message">One line for the user.</param>
public sealed record HwErrNote(CheckStatus Status, string Message);

/// <summary>The result of one source.</summary>
public sealed class SourceReport(string source, string origin)
{
    /// <summary>"edac", "aer", "log", "ras-mc-ctl", "mcelog", "edac-util".</summary>
    public string Source { get; } = source;

    /// <summary>Where it was read: a directory, a file, "/dev/kmsg", a command line.</summary>
    public string Origin { get; } = origin;

    /// <summary>Counters and event groups.</summary>
    public List<Observation> Observations { get; } = [];

    /// <summary>Problems reading the source and informational notes.</summary>
    public List<HwErrNote> Notes { get; } = [];

    /// <summary>The source's counts in the shape of the data README (controllers, devices, per-kind log counts).</summary>
    public JsonObject Details { get; set; } = [];

    /// <summary>Status from notes and from observations as judged (see <see cref="Judged"/>).</summary>
    public CheckStatus Status => CheckStatuses.Worst(Notes.Select(n => n.Status).Concat(Observations.Select(Judged)));

    /// <summary>The status one observation gives: as a state file judged it, else by its value.</summary>
    public static CheckStatus Judged(Observation o) => (o.Judge ?? o.Value) > 0 ? o.Severity.Status() : CheckStatus.Ok;

    /// <summary>Adds an UNKNOWN note and returns this.</summary>
    public SourceReport Unknown(string message)
    {
        Notes.Add(new HwErrNote(CheckStatus.Unknown, message));
        return this;
    }
}
