// IDENTIFY DEVICE data: byte-swapped ATA strings, LBA28/LBA48 capacity words, feature bits.
using System.Buffers.Binary;

namespace OpsKit.Aoe.Protocol;

/// <summary>Builds and reads the 512-byte IDENTIFY DEVICE block.</summary>
public static class Identify
{
    /// <summary>Word offsets of the strings: serial 10-19, firmware 23-26, model 27-46.</summary>
    public const int SerialWord = 10, FirmwareWord = 23, ModelWord = 27;

    /// <summary>Fills <paramref name="data"/> (512 bytes) for a disk of <paramref name="sectors"/> sectors.</summary>
    public static void Build(Span<byte> data, ulong sectors, string model, string serial, string firmware)
    {
        data[..512].Clear();
        W(data, 0, 0x0040);                     // fixed disk
        W(data, 1, 16383); W(data, 3, 16); W(data, 6, 63);  // legacy CHS
        WriteString(data, SerialWord, 20, serial);
        WriteString(data, FirmwareWord, 8, firmware);
        WriteString(data, ModelWord, 40, model);
        W(data, 47, 0x8001);
        W(data, 49, 0x0200);                    // LBA supported
        W(data, 53, 0x0006);
        var lba28 = (uint)Math.Min(sectors, 0x0FFF_FFFFUL);
        W(data, 60, (ushort)lba28); W(data, 61, (ushort)(lba28 >> 16));
        W(data, 80, 0x00F0);                    // ATA-4..7
        W(data, 82, 0x4000);                    // no SMART (bit 0 clear): aoeping -S says so
        W(data, 83, 0x7400);                    // bit 14 valid, 13 FLUSH EXT, 12 FLUSH, 10 LBA48
        W(data, 84, 0x4000);
        W(data, 85, 0x4000);
        W(data, 86, 0x3400);
        W(data, 87, 0x4000);
        for (var i = 0; i < 4; i++) W(data, 100 + i, (ushort)(sectors >> (16 * i)));
    }

    private static void W(Span<byte> d, int word, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(d[(word * 2)..], v);

    private static ushort Rd(ReadOnlySpan<byte> d, int word) => BinaryPrimitives.ReadUInt16LittleEndian(d[(word * 2)..]);

    /// <summary>Writes an ATA string: space-padded, two characters per word, first character in the high byte.</summary>
    public static void WriteString(Span<byte> data, int word, int length, string text)
    {
        for (var i = 0; i < length; i++)
        {
            var c = i < text.Length && text[i] is >= ' ' and <= '~' ? (byte)text[i] : (byte)' ';
            data[word * 2 + (i ^ 1)] = c;
        }
    }

    /// <summary>Reads an ATA string back (trailing spaces trimmed).</summary>
    public static string ReadString(ReadOnlySpan<byte> data, int word, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)data[word * 2 + (i ^ 1)];
        return new string(chars).TrimEnd(' ', '\0');
    }

    /// <summary>Capacity in sectors: words 100-103 when word 83 bit 10 (LBA48) is set, else words 60-61.</summary>
    public static ulong Capacity(ReadOnlySpan<byte> data)
    {
        if ((Rd(data, 83) & 0x0400) != 0)
            return Rd(data, 100) | ((ulong)Rd(data, 101) << 16) | ((ulong)Rd(data, 102) << 32) | ((ulong)Rd(data, 103) << 48);
        return Rd(data, 60) | ((ulong)Rd(data, 61) << 16);
    }
}
