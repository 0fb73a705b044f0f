// What one backend found: its controllers, and problems running or reading its tool.
using OpsKit.Core;

namespace OpsKit.Raid.Model;

/// <summary>The result of one backend.</summary>
public sealed class BackendReport(string backend)
{
    /// <summary>The backend name ("megacli").</summary>
    public string Backend { get; } = backend;

    /// <summary>Controllers in tool order.</summary>
    public List<RaidController> Controllers { get; } = [];

    /// <summary>Backend-level problems (tool failed, timed out, output unparsable).</summary>
    public List<RaidNote> Notes { get; } = [];

    /// <summary>True when the tool ran fine but reported no controller or array at all
    /// (e.g. "No Controller found", an empty /proc/mdstat): the no-RAID state applies.</summary>
    public bool NothingFound { get; set; }

    /// <summary>Worst status of controllers and notes.</summary>
    public CheckStatus Status => CheckStatuses.Worst(Controllers.Select(c => c.Status).Concat(Notes.Select(n => n.Status)));

    /// <summary>Adds a backend-level UNKNOWN and returns this report.</summary>
    public BackendReport Unknown(string message)
    {
        Notes.Add(new RaidNote(CheckStatus.Unknown, message));
        return this;
    }

    /// <summary>Every item of every controller with its controller.</summary>
    public IEnumerable<(RaidController Controller, RaidItem Item)> AllItems() =>
        Controllers.SelectMany(c => c.Items.Select(i => (c, i)));
}
