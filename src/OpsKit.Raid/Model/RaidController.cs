// One controller (or, for md, the kernel) and everything checked on it.
using OpsKit.Core;

namespace OpsKit.Raid.Model;

/// <summary>A controller and its items.</summary>
public sealed class RaidController
{
    /// <summary>Creates a controller.</summary>
    public RaidController(string id, string? model = null)
    {
        Id = id;
        Model = model;
    }

    /// <summary>Controller id as the tool numbers it ("0", "c0", "md").</summary>
    public string Id { get; }

    /// <summary>Model name, when printed.</summary>
    public string? Model { get; set; }

    /// <summary>Checked items in tool order.</summary>
    public List<RaidItem> Items { get; } = [];

    /// <summary>Problems that are not tied to one item (an unparsable section, a missing listing).</summary>
    public List<RaidNote> Notes { get; } = [];

    /// <summary>Worst status of items and notes.</summary>
    public CheckStatus Status => CheckStatuses.Worst(Items.Select(i => i.Status).Concat(Notes.Select(n => n.Status)));

    /// <summary>Adds an item and returns it.</summary>
    public RaidItem Add(RaidItem item)
    {
        Items.Add(item);
        return item;
    }

    /// <summary>Adds a note.</summary>
    public void Note(CheckStatus status, string message) => Notes.Add(new RaidNote(status, message));
}

/// <summary>A problem or remark outside the item list.</summary>
/// <param name="Status">Its verdict (UNKNOWN for tool failures).</param>
/// <param name="Message">What happened.</param>
public sealed record RaidNote(CheckStatus Status, string Message);
