// Field accessors over a raw AoE frame (Ethernet header included) and request builders for clients.
using System.Buffers.Binary;

namespace OpsKit.Aoe.Protocol;

/// <summary>Reads and writes the AoE common header in place.</summary>
public static class Frame
{
    /// <summary>Destination MAC.</summary>
    public static MacAddress Destination(ReadOnlySpan<byte> f) => MacAddress.Read(f);
    /// <summary>Source MAC.</summary>
    public static MacAddress Source(ReadOnlySpan<byte> f) => MacAddress.Read(f[6..]);
    /// <summary>Ethertype.</summary>
    public static ushort EtherType(ReadOnlySpan<byte> f) => BinaryPrimitives.ReadUInt16BigEndian(f[12..]);
    /// <summary>Version nibble.</summary>
    public static int Version(ReadOnlySpan<byte> f) => f[Wire.OffVerFlags] >> 4;
    /// <summary>Flags nibble.</summary>
    public static byte Flags(ReadOnlySpan<byte> f) => (byte)(f[Wire.OffVerFlags] & 0x0F);
    /// <summary>True when the R (response) flag is set.</summary>
    public static bool IsResponse(ReadOnlySpan<byte> f) => (f[Wire.OffVerFlags] & Wire.FlagResponse) != 0;
    /// <summary>True when the E (error) flag is set.</summary>
    public static bool IsError(ReadOnlySpan<byte> f) => (f[Wire.OffVerFlags] & Wire.FlagError) != 0;
    /// <summary>AoE error code.</summary>
    public static AoeError Error(ReadOnlySpan<byte> f) => (AoeError)f[Wire.OffError];
    /// <summary>Shelf (major).</summary>
    public static ushort Shelf(ReadOnlySpan<byte> f) => BinaryPrimitives.ReadUInt16BigEndian(f[Wire.OffShelf..]);
    /// <summary>Slot (minor).</summary>
    public static byte Slot(ReadOnlySpan<byte> f) => f[Wire.OffSlot];
    /// <summary>Command code.</summary>
    public static byte Command(ReadOnlySpan<byte> f) => f[Wire.OffCommand];
    /// <summary>Tag.</summary>
    public static uint Tag(ReadOnlySpan<byte> f) => BinaryPrimitives.ReadUInt32BigEndian(f[Wire.OffTag..]);

    /// <summary>Writes a complete common header.</summary>
    public static void WriteHeader(Span<byte> f, MacAddress dst, MacAddress src, byte flags, AoeError error,
        ushort shelf, byte slot, byte command, uint tag)
    {
        dst.Write(f);
        src.Write(f[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(f[12..], Wire.EtherType);
        f[Wire.OffVerFlags] = (byte)((Wire.Version << 4) | (flags & 0x0F));
        f[Wire.OffError] = (byte)error;
        BinaryPrimitives.WriteUInt16BigEndian(f[Wire.OffShelf..], shelf);
        f[Wire.OffSlot] = slot;
        f[Wire.OffCommand] = command;
        BinaryPrimitives.WriteUInt32BigEndian(f[Wire.OffTag..], tag);
    }

    /// <summary>Turns a request in place into the header of its response: swap MACs, set R (and E), our address; tag kept.</summary>
    public static void MakeResponse(Span<byte> f, MacAddress us, ushort shelf, byte slot, AoeError error = AoeError.None)
    {
        f[6..12].CopyTo(f);
        us.Write(f[6..]);
        var flags = (byte)(Wire.FlagResponse | (error != AoeError.None ? Wire.FlagError : 0));
        f[Wire.OffVerFlags] = (byte)((f[Wire.OffVerFlags] & 0xF0) | flags);
        f[Wire.OffError] = (byte)error;
        BinaryPrimitives.WriteUInt16BigEndian(f[Wire.OffShelf..], shelf);
        f[Wire.OffSlot] = slot;
    }

    /// <summary>The 48-bit (E flag) or 28-bit LBA of an ATA argument.</summary>
    public static ulong AtaLba(ReadOnlySpan<byte> f)
    {
        var b = f[28..34];
        if ((f[24] & Ata.FlagExtended) != 0)
            return b[0] | ((ulong)b[1] << 8) | ((ulong)b[2] << 16) | ((ulong)b[3] << 24) | ((ulong)b[4] << 32) | ((ulong)b[5] << 40);
        return b[0] | ((ulong)b[1] << 8) | ((ulong)b[2] << 16) | ((ulong)(b[3] & 0x0F) << 24);
    }

    /// <summary>Writes an Issue ATA argument header (bytes 24..35).</summary>
    public static void WriteAta(Span<byte> f, byte aflags, byte feature, byte count, byte command, ulong lba)
    {
        f[24] = aflags;
        f[25] = feature;
        f[26] = count;
        f[27] = command;
        for (var i = 0; i < 6; i++) f[28 + i] = (byte)(lba >> (8 * i));
        if ((aflags & Ata.FlagExtended) == 0) f[31] = (byte)(0xE0 | ((lba >> 24) & 0x0F));
        f[34] = 0;
        f[35] = 0;
    }

    /// <summary>Writes a Query Config argument (bytes 24..) and returns the frame length before padding.</summary>
    public static int WriteConfig(Span<byte> f, ushort buffers, ushort firmware, byte sectors, ConfigCommand ccmd, ReadOnlySpan<byte> text)
    {
        BinaryPrimitives.WriteUInt16BigEndian(f[24..], buffers);
        BinaryPrimitives.WriteUInt16BigEndian(f[26..], firmware);
        f[28] = sectors;
        f[29] = (byte)((Wire.Version << 4) | ((byte)ccmd & 0x0F));
        BinaryPrimitives.WriteUInt16BigEndian(f[30..], (ushort)text.Length);
        text.CopyTo(f[Wire.ConfigStringOffset..]);
        return Wire.ConfigStringOffset + text.Length;
    }

    /// <summary>Zero-fills a frame up to 60 bytes and returns the padded length.</summary>
    public static int Pad(Span<byte> f, int length)
    {
        if (length >= Wire.MinFrame) return length;
        f[length..Wire.MinFrame].Clear();
        return Wire.MinFrame;
    }
}
