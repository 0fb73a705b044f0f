// One export as configured: alias, address, file, interface and options.
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>A configured export.</summary>
/// <param name="Alias">Name used by start/stop/status.</param>
/// <param name="Shelf">Major address.</param>
/// <param name="Slot">Minor address.</param>
/// <param name="File">Image file or block device.</param>
/// <param name="Interface">Network interface.</param>
public sealed record ExportSpec(string Alias, ushort Shelf, byte Slot, string File, string Interface)
{
    /// <summary>Open options (read-only, window, O_DIRECT/O_SYNC).</summary>
    public StoreOptions Store { get; init; } = new();
    /// <summary>MACs allowed to talk to the export (empty: any).</summary>
    public IReadOnlyList<MacAddress> Allow { get; init; } = [];
    /// <summary>Advertised Buffer Count.</summary>
    public int Buffers { get; init; } = 64;

    /// <summary>shelf.slot as clients print it.</summary>
    public string Address => $"{Shelf}.{Slot}";

    /// <summary>True when two specs would serve the same way (a reload keeps such an export running).</summary>
    public bool SameAs(ExportSpec other) =>
        Alias == other.Alias && Shelf == other.Shelf && Slot == other.Slot && File == other.File && Interface == other.Interface
        && Store == other.Store && Allow.SequenceEqual(other.Allow) && Buffers == other.Buffers;
}
