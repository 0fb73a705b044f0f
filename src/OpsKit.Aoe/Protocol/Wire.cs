// AoEr11 constants: ethertype, header offsets, command codes, flags and error codes (AoE specification, revision 11).
namespace OpsKit.Aoe.Protocol;

/// <summary>Wire constants of ATA over Ethernet, revision 11. Offsets count from the start of the Ethernet frame.</summary>
public static class Wire
{
    /// <summary>The AoE ethertype.</summary>
    public const ushort EtherType = 0x88A2;
    /// <summary>Shortest Ethernet frame without FCS; every frame we send is padded to it.</summary>
    public const int MinFrame = 60;
    /// <summary>Ethernet + AoE common header.</summary>
    public const int HeaderLength = 24;
    /// <summary>Header + ATA argument header; data starts here.</summary>
    public const int AtaDataOffset = 36;
    /// <summary>Header + Query Config argument header; the config string starts here.</summary>
    public const int ConfigStringOffset = 32;
    /// <summary>Longest config string.</summary>
    public const int MaxConfigString = 1024;
    /// <summary>Sector size.</summary>
    public const int Sector = 512;
    /// <summary>Protocol version carried in the high nibble of byte 14.</summary>
    public const int Version = 1;
    /// <summary>Wildcard shelf.</summary>
    public const ushort AllShelves = 0xFFFF;
    /// <summary>Wildcard slot.</summary>
    public const byte AllSlots = 0xFF;

    /// <summary>Offset of Ver|Flags.</summary>
    public const int OffVerFlags = 14;
    /// <summary>Offset of the AoE error.</summary>
    public const int OffError = 15;
    /// <summary>Offset of the shelf (major, big-endian).</summary>
    public const int OffShelf = 16;
    /// <summary>Offset of the slot (minor).</summary>
    public const int OffSlot = 18;
    /// <summary>Offset of the command code.</summary>
    public const int OffCommand = 19;
    /// <summary>Offset of the tag (big-endian, opaque).</summary>
    public const int OffTag = 20;
    /// <summary>Offset of the ATA command (request) / status (response) byte of an Issue ATA Command frame.</summary>
    public const int OffAtaCommand = 27;

    /// <summary>Response flag.</summary>
    public const byte FlagResponse = 0x08;
    /// <summary>Error flag.</summary>
    public const byte FlagError = 0x04;

    /// <summary>Payload sectors per frame for an interface MTU: (MTU - 22) / 512, at most 255.</summary>
    public static int SectorsForMtu(int mtu) => Math.Clamp((mtu - (AtaDataOffset - 14)) / Sector, 1, 255);
}

/// <summary>AoE command codes (byte 19).</summary>
public enum AoeCommand : byte
{
    /// <summary>Issue ATA Command.</summary>
    Ata = 0,
    /// <summary>Query Config Information.</summary>
    Config = 1,
    /// <summary>Mac Mask List.</summary>
    MacMask = 2,
    /// <summary>Reserve/Release.</summary>
    Reserve = 3,
}

/// <summary>AoE error codes (byte 15, with the E flag).</summary>
public enum AoeError : byte
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>Unrecognized command code.</summary>
    BadCommand = 1,
    /// <summary>Bad argument parameter.</summary>
    BadArgument = 2,
    /// <summary>Device unavailable.</summary>
    Unavailable = 3,
    /// <summary>Config string present (Query Config set refused).</summary>
    ConfigPresent = 4,
    /// <summary>Unsupported version.</summary>
    UnsupportedVersion = 5,
    /// <summary>Target is reserved.</summary>
    Reserved = 6,
}

/// <summary>Query Config sub-commands (low nibble of byte 29).</summary>
public enum ConfigCommand : byte
{
    /// <summary>Read the config string.</summary>
    Read = 0,
    /// <summary>Answer only when the string matches exactly.</summary>
    Test = 1,
    /// <summary>Answer only when the string is a prefix of ours.</summary>
    TestPrefix = 2,
    /// <summary>Set when ours is empty (or identical).</summary>
    Set = 3,
    /// <summary>Set unconditionally.</summary>
    ForceSet = 4,
}

/// <summary>ATA command, status and error register values used by AoE clients.</summary>
public static class Ata
{
    /// <summary>READ SECTORS (LBA28).</summary>
    public const byte Read = 0x20;
    /// <summary>READ SECTORS EXT (LBA48).</summary>
    public const byte ReadExt = 0x24;
    /// <summary>WRITE SECTORS (LBA28).</summary>
    public const byte Write = 0x30;
    /// <summary>WRITE SECTORS EXT (LBA48).</summary>
    public const byte WriteExt = 0x34;
    /// <summary>IDENTIFY DEVICE.</summary>
    public const byte Identify = 0xEC;
    /// <summary>FLUSH CACHE.</summary>
    public const byte Flush = 0xE7;
    /// <summary>FLUSH CACHE EXT.</summary>
    public const byte FlushExt = 0xEA;
    /// <summary>CHECK POWER MODE.</summary>
    public const byte CheckPower = 0xE5;
    /// <summary>SMART.</summary>
    public const byte Smart = 0xB0;

    /// <summary>Status: device ready.</summary>
    public const byte StatusDrdy = 0x40;
    /// <summary>Status: error.</summary>
    public const byte StatusErr = 0x01;
    /// <summary>Error: command aborted.</summary>
    public const byte ErrAbort = 0x04;
    /// <summary>Error: ID not found (LBA out of range).</summary>
    public const byte ErrIdnf = 0x10;

    /// <summary>AFlags: LBA48 command.</summary>
    public const byte FlagExtended = 0x40;
    /// <summary>AFlags: device/head bit.</summary>
    public const byte FlagDevice = 0x10;
    /// <summary>AFlags: asynchronous write.</summary>
    public const byte FlagAsync = 0x02;
    /// <summary>AFlags: data follows (write).</summary>
    public const byte FlagWrite = 0x01;
}
