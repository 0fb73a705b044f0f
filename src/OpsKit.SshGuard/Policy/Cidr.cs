// An IPv4 or IPv6 network in CIDR form (10.0.0.0/8, 2001:db8::/32, or a single address).
using System.Net;
using System.Net.Sockets;

namespace OpsKit.SshGuard.Policy;

/// <summary>A network prefix.</summary>
public sealed class Cidr
{
    private readonly byte[] _network;

    private Cidr(string text, byte[] network, int prefix)
    {
        Text = text;
        _network = network;
        Prefix = prefix;
    }

    /// <summary>As written.</summary>
    public string Text { get; }

    /// <summary>Prefix length in bits.</summary>
    public int Prefix { get; }

    /// <summary>IPv4 or IPv6 (derived, not stored: an enum field would load System.Net.Primitives with every policy).</summary>
    public AddressFamily Family => _network.Length == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;

    /// <summary>Parses "a.b.c.d/n", "x::y/n" or a bare address; null with <paramref name="error"/> set when invalid.</summary>
    public static Cidr? TryParse(string text, out string error)
    {
        error = "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal))
        {
            error = $"'{text}' is not an IP address or CIDR network";
            return null;
        }
        var bytes = address.GetAddressBytes();
        var bits = bytes.Length * 8;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, null, out prefix) || prefix > bits))
        {
            error = $"'{text}': prefix length must be 0..{bits}";
            return null;
        }
        for (var i = 0; i < bits; i++)
        {
            if (i >= prefix && (bytes[i / 8] & (0x80 >> (i % 8))) != 0)
            {
                error = $"'{text}' has host bits set (did you mean {Masked(bytes, prefix)}/{prefix}?)";
                return null;
            }
        }
        return new Cidr(text, bytes, prefix);
    }

    /// <summary>True when the address lies in this network (IPv4-mapped IPv6 addresses count as IPv4).</summary>
    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != Family) return false;
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < Prefix; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((bytes[i / 8] & mask) != (_network[i / 8] & mask)) return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string Masked(byte[] bytes, int prefix)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = prefix; i < copy.Length * 8; i++) copy[i / 8] &= (byte)~(0x80 >> (i % 8));
        return new IPAddress(copy).ToString();
    }
}
