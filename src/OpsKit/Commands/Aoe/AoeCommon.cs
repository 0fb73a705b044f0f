// Helpers shared by the aoe verbs: target addresses, sizes, opening a client with a clear error.
using System.Globalization;
using OpsKit.Aoe.Client;
using OpsKit.Core;

namespace OpsKit.Commands.Aoe;

/// <summary>Small helpers for the aoe commands.</summary>
internal static class AoeCommon
{
    /// <summary>Opens a client; a missing interface or socket permission becomes a clear error.</summary>
    public static AoeClient OpenClient(string iface)
    {
        try { return new AoeClient(iface); }
        catch (IOException e) { throw OpsKitException.Unavailable(e.Message); }
    }

    /// <summary>Parses "0.1" or "e0.1".</summary>
    public static (ushort Shelf, byte Slot) ParseTarget(string text)
    {
        var t = text.StartsWith('e') ? text[1..] : text;
        var dot = t.IndexOf('.');
        if (dot > 0 && ushort.TryParse(t[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var shelf) && shelf != 0xFFFF
            && byte.TryParse(t[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && slot != 0xFF)
            return (shelf, slot);
        throw OpsKitException.Usage($"bad target '{text}': want SHELF.SLOT such as 0.1 (shelf 0-65534, slot 0-254)");
    }

    /// <summary>Human size.</summary>
    public static string Size(ulong bytes) => bytes switch
    {
        >= 1UL << 40 => FormattableString.Invariant($"{bytes / (double)(1UL << 40):F1}T"),
        >= 1UL << 30 => FormattableString.Invariant($"{bytes / (double)(1UL << 30):F1}G"),
        >= 1UL << 20 => FormattableString.Invariant($"{bytes / (double)(1UL << 20):F1}M"),
        _ => bytes.ToString(CultureInfo.InvariantCulture),
    };
}
