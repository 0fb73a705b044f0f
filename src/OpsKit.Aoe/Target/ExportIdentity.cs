// What an export says about itself on the wire: address, MAC, limits and IDENTIFY strings.
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>The wire identity of one export on one interface.</summary>
/// <param name="Shelf">Major address (never 0xFFFF).</param>
/// <param name="Slot">Minor address (never 0xFF).</param>
/// <param name="Mac">Our interface MAC.</param>
/// <param name="MaxSectors">Sectors per frame we accept and advertise (from the MTU).</param>
/// <param name="Buffers">Outstanding requests we promise to queue (Query Config Buffer Count).</param>
/// <param name="Serial">IDENTIFY serial.</param>
public sealed record ExportIdentity(ushort Shelf, byte Slot, MacAddress Mac, int MaxSectors, int Buffers, string Serial)
{
    /// <summary>IDENTIFY model string.</summary>
    public const string Model = "OpsKit AoE target";
    /// <summary>IDENTIFY firmware string.</summary>
    public const string FirmwareText = "OPSKIT01";
    /// <summary>Query Config firmware version.</summary>
    public const ushort Firmware = 0x0001;
}
