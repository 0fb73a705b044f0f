// Hand-built request frames for the handler tests, byte by byte as the clients send them.
using System.Buffers.Binary;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Tests.Target;

internal static class Frames
{
    public static readonly MacAddress ClientMac = MacAddress.Parse("02:00:00:00:00:01");
    public static readonly MacAddress Other = MacAddress.Parse("02:00:00:00:00:02");
    public static readonly MacAddress Target = MacAddress.Parse("02:00:00:00:00:aa");

    /// <summary>A 9 KiB buffer holding a request header.</summary>
    public static byte[] Header(byte command, ushort shelf = 0, byte slot = 1, uint tag = 0x80000001, MacAddress? src = null,
        byte verFlags = 0x10, MacAddress? dst = null)
    {
        var f = new byte[9216];
        (dst ?? Target).Write(f);
        (src ?? ClientMac).Write(f.AsSpan(6));
        f[12] = 0x88; f[13] = 0xA2;
        f[14] = verFlags;
        BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(16), shelf);
        f[18] = slot;
        f[19] = command;
        BinaryPrimitives.WriteUInt32BigEndian(f.AsSpan(20), tag);
        return f;
    }

    public static byte[] Ata(byte cmd, ulong lba, byte count, bool ext = true, bool write = false, MacAddress? src = null, byte slot = 1)
    {
        var f = Header(0, slot: slot, src: src);
        f[24] = (byte)((ext ? 0x40 : 0) | (write ? 0x01 : 0));
        f[26] = count;
        f[27] = cmd;
        for (var i = 0; i < 6; i++) f[28 + i] = (byte)(lba >> (8 * i));
        if (!ext) f[31] = (byte)(0xE0 | ((lba >> 24) & 0x0F));
        return f;
    }

    public static byte[] Config(byte ccmd, string text = "", ushort shelf = 0, byte slot = 1, ushort? lengthField = null)
    {
        var f = Header(1, shelf, slot);
        f[29] = (byte)(0x10 | ccmd);
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(30), lengthField ?? (ushort)bytes.Length);
        bytes.CopyTo(f, 32);
        return f;
    }
}
