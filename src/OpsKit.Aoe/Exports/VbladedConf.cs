// The classic /etc/vbladed.conf of the vbladectl script: SHELF="N" and "AOESLOT FILE MAC IFACE ALIAS" lines with # comments; and its TOML form.
using System.Globalization;
using System.Text;
using OpsKit.Aoe.Protocol;
using OpsKit.Core;

namespace OpsKit.Aoe.Exports;

/// <summary>One export line of vbladed.conf.</summary>
/// <param name="Slot">AOESLOT.</param>
/// <param name="File">FILE.</param>
/// <param name="Mac">MAC of the client allowed (null for FF:FF:FF:FF:FF:FF = any).</param>
/// <param name="Interface">IFACE.</param>
/// <param name="Alias">ALIAS.</param>
/// <param name="Line">Line number in the file.</param>
public sealed record ClassicExport(int Slot, string File, MacAddress? Mac, string Interface, string Alias, int Line);

/// <summary>The parsed file.</summary>
/// <param name="Shelf">SHELF.</param>
/// <param name="Exports">Export lines in file order.</param>
public sealed record VbladedConf(int Shelf, IReadOnlyList<ClassicExport> Exports)
{
    /// <summary>Reads a file; errors name FILE:LINE (exit 65), a missing or unreadable file exits 66/77.</summary>
    public static VbladedConf Load(string path)
    {
        var bytes = OpsKit.Core.Files.IoErrors.ReadInput(path);
        if (!System.Text.Unicode.Utf8.IsValid(bytes) || Array.IndexOf(bytes, (byte)0) >= 0)
            throw OpsKitException.BadData($"{path}: not a text file (a vbladed.conf table is text)");
        return Parse(System.Text.Encoding.UTF8.GetString(bytes), path);
    }

    /// <summary>Parses the text; <paramref name="source"/> names it in errors.</summary>
    public static VbladedConf Parse(string text, string source)
    {
        var shelf = 0;
        var exports = new List<ClassicExport>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var n = i + 1;
            var line = lines[i];
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            OpsKitException Bad(string why) => OpsKitException.BadData($"{source}:{n}: {why}");
            if (line.StartsWith("SHELF=", StringComparison.Ordinal))
            {
                var v = line["SHELF=".Length..].Trim().Trim('"', '\'');
                if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out shelf) || shelf > 65534)
                    throw Bad($"SHELF=\"{v}\": want a number 0-65534");
                continue;
            }
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 5) throw Bad($"want 'AOESLOT FILE MAC IFACE ALIAS', got {f.Length} fields: {line}");
            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var slot) || slot > 254)
                throw Bad($"AOESLOT '{f[0]}': want a number 0-254");
            if (!MacAddress.TryParse(f[2], out var mac)) throw Bad($"malformed MAC address '{f[2]}' (want six hex pairs like 00:16:E6:D3:ED:E5)");
            if (exports.FirstOrDefault(e => e.Alias == f[4]) is { } a) throw Bad($"duplicate alias '{f[4]}' (first on line {a.Line})");
            if (exports.FirstOrDefault(e => e.Slot == slot) is { } s) throw Bad($"duplicate AOESLOT {slot} (first on line {s.Line})");
            exports.Add(new ClassicExport(slot, f[1], mac.IsBroadcast ? null : mac, f[3], f[4], n));
        }
        return new VbladedConf(shelf, exports);
    }

    /// <summary>The same table as opskit.toml text ([aoe] and one [[aoe.export]] per line).</summary>
    public string ToToml(string source)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# converted from {source} by 'opskit aoe import'\n[aoe]\nshelf = {Shelf}\nbackend = \"builtin\"\n");
        foreach (var e in Exports)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n[[aoe.export]]\nalias = {Quote(e.Alias)}\nslot = {e.Slot}\nfile = {Quote(e.File)}\ninterface = {Quote(e.Interface)}\n");
            sb.Append(e.Mac is { } m ? $"allow = [\"{m}\"]\n" : "allow = []   # FF:FF:FF:FF:FF:FF in vbladed.conf: any client\n");
        }
        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
