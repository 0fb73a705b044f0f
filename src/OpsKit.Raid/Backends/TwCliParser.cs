// Parses tw_cli tables: controllers and enclosures ("show"), units, drives/ports, BBU,
// and enclosure "show all" sections. Both drive layouts (Port ... Blocks Serial and
// VPort ... Encl-Slot Model) have port, status and unit in the first three columns.
namespace OpsKit.Raid.Backends;

/// <summary>tw_cli table rows.</summary>
internal static class TwCliParser
{
    /// <summary>Rows whose first token matches, split on blanks.</summary>
    public static List<string[]> Rows(string text, Func<string, bool> first) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(t => t.Length >= 2 && first(t[0]))
            .ToList();

    public static bool IsController(string t) => t.Length > 1 && t[0] == 'c' && t[1..].All(char.IsAsciiDigit);

    public static bool IsUnit(string t) => t.Length > 1 && t[0] == 'u' && t[1..].All(char.IsAsciiDigit);

    public static bool IsPort(string t) => t.Length > 1 && t[0] == 'p' && t[1..].All(char.IsAsciiDigit);

    public static bool IsBbu(string t) => t.StartsWith("bbu", StringComparison.Ordinal);

    public static bool IsEnclosure(string t) => t.StartsWith("/c", StringComparison.Ordinal) && t.Contains("/e", StringComparison.Ordinal);

    /// <summary>Enclosure "show all": (section, id, status) for every sensor row.</summary>
    public static List<(string Section, string Id, string Status)> EnclosureParts(string text)
    {
        var parts = new List<(string, string, string)>();
        string? section = null;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var t = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == 0) { section = null; continue; }
            if (t[0].StartsWith('-')) continue;
            if (t.Length >= 2 && t[1] == "Status") { section = t[0]; continue; }
            if (section is not null && t.Length >= 2) parts.Add((section, t[0], t[1]));
        }
        return parts;
    }

    /// <summary>"29%(A)" -> 29.</summary>
    public static double? Percent(string? text)
    {
        if (text is null) return null;
        var digits = new string(text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
        return double.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
    }
}
