// Reads storcli text output ("/call show all" or several "/cN show all") into
// StorCliData: "Key = Value" lines, "Section :" titles underlined with '=', and tables
// framed by dashed lines. Only the leading columns of a table row are used, so cells
// with blanks further right (Size "278.464 GB", an empty Name) do not matter.
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsKit.Raid.Backends;

/// <summary>storcli text reader.</summary>
internal static partial class StorCliText
{
    [GeneratedRegex(@"^Controller = (\d+)\s*$")]
    private static partial Regex ControllerLine();

    [GeneratedRegex(@"^(\S.*?) :\s*$")]
    private static partial Regex SectionLine();

    public static List<StorCliData> Controllers(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var result = new List<StorCliData>();
        StorCliData? c = null;
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (ControllerLine().Match(line) is { Success: true } m)
            {
                if (c is null || c.Id != m.Groups[1].Value) result.Add(c = new StorCliData(m.Groups[1].Value));
                continue;
            }
            if (c is null) continue;
            if (IsDashes(line) && i + 2 < lines.Length && !IsDashes(lines[i + 1]) && IsDashes(lines[i + 2]))
            {
                var header = Tokens(lines[i + 1]);
                var j = i + 3;
                var rows = new List<string[]>();
                for (; j < lines.Length && !IsDashes(lines[j]) && lines[j].Trim().Length > 0; j++) rows.Add(Tokens(lines[j]));
                Table(c, section, header, rows);
                i = j;
                continue;
            }
            if (SectionLine().Match(line) is { Success: true } s && i + 1 < lines.Length && lines[i + 1].Trim().StartsWith('='))
            {
                section = s.Groups[1].Value.Trim();
                continue;
            }
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq > 0) Value(c, section, line[..eq].Trim(), line[(eq + 3)..].Trim());
        }
        return result;
    }

    private static void Value(StorCliData c, string? section, string key, string value)
    {
        switch (key)
        {
            case "Model" when c.Model is null: c.Model = value; break;
            case "Controller Status": c.ControllerStatus = value; break;
            case "BBU Status" or "Energy Pack Status": c.BbuStatus = value; break;
            case "Virtual Drives": c.DeclaredVirtualDrives = int.TryParse(value, out var v) ? v : null; break;
            case "Drive Groups": c.DeclaredDriveGroups = int.TryParse(value, out var g) ? g : null; break;
            case "Physical Drives": c.DeclaredPhysicalDrives = int.TryParse(value, out var p) ? p : null; break;
            case "Status" when section is null && value == "Failure": c.CommandFailure = "Status = Failure"; break;
        }
        if (section is null || !section.StartsWith("Drive /c", StringComparison.Ordinal) || !section.EndsWith(" State", StringComparison.Ordinal)) return;
        var slot = StorCliJson.SlotKey(section["Drive ".Length..^" State".Length]);
        var d = c.Details.GetValueOrDefault(slot);
        switch (key)
        {
            case "Predictive Failure Count": d.Predictive = Long(value); break;
            case "Media Error Count": d.Media = Long(value); break;
            case "S.M.A.R.T alert flagged by drive": d.Smart = value == "Yes"; break;
            case "Drive Temperature": d.Temp = double.TryParse(value.Split('C')[0], CultureInfo.InvariantCulture, out var t) ? t : null; break;
            default: return;
        }
        c.Details[slot] = d;
    }

    private static void Table(StorCliData c, string? section, string[] header, List<string[]> rows)
    {
        List<StorCliRow>? target = section switch
        {
            "VD LIST" => c.VirtualDrives,
            "PD LIST" => c.PhysicalDrives,
            "BBU_Info" or "Cachevault_Info" or "Energy_Pack_Info" => c.Batteries,
            _ when section is not null && section.StartsWith("Drive /c", StringComparison.Ordinal) && section.Count(ch => ch == ' ') == 1 => c.PhysicalDrives,
            _ => null,
        };
        if (target is null || header.Length == 0) return;
        var stateColumn = Array.IndexOf(header, "State");
        // Cells from "Size" on ("278.464 GB", an empty Name) do not split cleanly on blanks: keep the leading ones only.
        var usable = Array.IndexOf(header, "Size") is var size and >= 0 ? size : header.Length;
        foreach (var r in rows)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var k = 0; k < usable && k < r.Length; k++) cells[header[k]] = r[k];
            target.Add(new StorCliRow(r[0], stateColumn >= 0 && stateColumn < r.Length ? r[stateColumn] : "?", cells));
        }
    }

    private static bool IsDashes(string line)
    {
        var t = line.Trim();
        return t.Length >= 5 && t.All(ch => ch == '-');
    }

    private static string[] Tokens(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static long? Long(string s) => long.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : null;
}
