// What storcli/perccli report about one controller, read from JSON or from text:
// the two readers fill this, one set of rules judges it.
namespace OpsKit.Raid.Backends;

/// <summary>One controller as storcli describes it.</summary>
internal sealed class StorCliData(string id)
{
    public string Id { get; } = id;
    public string? Model { get; set; }
    public string? ControllerStatus { get; set; }
    public string? BbuStatus { get; set; }
    public string? CommandFailure { get; set; }
    public int? DeclaredDriveGroups { get; set; }
    public int? DeclaredVirtualDrives { get; set; }
    public int? DeclaredPhysicalDrives { get; set; }
    public List<StorCliRow> VirtualDrives { get; } = [];
    public List<StorCliRow> PhysicalDrives { get; } = [];
    public List<StorCliRow> Batteries { get; } = [];
    public Dictionary<string, (long? Predictive, long? Media, bool Smart, double? Temp)> Details { get; } = new(StringComparer.Ordinal);
    public bool HasData => ControllerStatus is not null || VirtualDrives.Count > 0 || PhysicalDrives.Count > 0;
}

/// <summary>A table row: its id, state and the other cells by column name.</summary>
/// <param name="Id">DG/VD, EID:Slt or the battery model.</param>
/// <param name="State">State abbreviation (Optl, Onln, Optimal...).</param>
/// <param name="Cells">All cells by column header.</param>
internal sealed record StorCliRow(string Id, string State, IReadOnlyDictionary<string, string> Cells)
{
    public string? Cell(string name) => Cells.TryGetValue(name, out var v) ? v : null;
}
