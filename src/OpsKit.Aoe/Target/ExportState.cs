// Per-export protocol state that survives restarts: config string, Mac Mask list, reserve list.
using System.Globalization;
using System.Text;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>The config string, Mac Mask list and reserve list of one export, persisted in a small text file.</summary>
public sealed class ExportState
{
    /// <summary>Most MACs the Mac Mask list holds (as vblade).</summary>
    public const int MaxMask = 32;
    /// <summary>Most MACs the reserve list holds.</summary>
    public const int MaxReserve = 256;

    private readonly string? _path;

    /// <summary>Creates an empty state, saved to <paramref name="path"/> (null: not persisted).</summary>
    public ExportState(string? path = null) => _path = path;

    /// <summary>The config string (raw bytes, at most 1024).</summary>
    public byte[] ConfigString { get; set; } = [];
    /// <summary>The Mac Mask list: when non-empty only these MACs are answered.</summary>
    public List<MacAddress> Mask { get; } = [];
    /// <summary>The reserve list: when non-empty only these MACs may issue ATA commands.</summary>
    public List<MacAddress> Reserve { get; } = [];

    /// <summary>Loads the state file when it exists; a damaged file is reported, not guessed at.</summary>
    public static ExportState Load(string? path)
    {
        var s = new ExportState(path);
        if (path is null || !File.Exists(path)) return s;
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var sp = line.IndexOf(' ');
            var (key, value) = sp < 0 ? (line, "") : (line[..sp], line[(sp + 1)..]);
            try
            {
                switch (key)
                {
                    case "config": s.ConfigString = Convert.FromHexString(value); break;
                    case "mask": s.Mask.Add(MacAddress.Parse(value)); break;
                    case "reserve": s.Reserve.Add(MacAddress.Parse(value)); break;
                    default: throw new FormatException($"unknown key '{key}'");
                }
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{path}:{n}: {e.Message}", e);
            }
        }
        return s;
    }

    /// <summary>Writes the state atomically (temp file + rename).</summary>
    public void Save()
    {
        if (_path is null) return;
        var sb = new StringBuilder("# opskit aoe export state: config string (hex), Mac Mask list, reserve list\n");
        sb.Append(CultureInfo.InvariantCulture, $"config {Convert.ToHexString(ConfigString)}\n");
        foreach (var m in Mask) sb.Append(CultureInfo.InvariantCulture, $"mask {m}\n");
        foreach (var m in Reserve) sb.Append(CultureInfo.InvariantCulture, $"reserve {m}\n");
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var tmp = _path + ".tmp";
        File.WriteAllText(tmp, sb.ToString());
        File.Move(tmp, _path, overwrite: true);
    }
}
