// Parses /proc/mdstat into arrays: state, level, members with flags, [n/m] [UU_] map,
// external metadata, and the running action with its progress. Tolerates kernel
// differences (optional super/bitmap lines, any indentation, no final "unused devices").
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsKit.Raid.Backends;

/// <summary>One md member: "sdc1[3](F)".</summary>
internal sealed record MdMember(string Device, int Slot, string Flags)
{
    public bool Faulty => Flags.Contains('F');
    public bool Spare => Flags.Contains('S');
}

/// <summary>One md array as /proc/mdstat shows it.</summary>
internal sealed class MdArray(string name, bool active)
{
    public string Name { get; } = name;
    public bool Active { get; } = active;
    public string? ReadOnly { get; set; }
    public string? Level { get; set; }
    public List<MdMember> Members { get; } = [];
    public int? Total { get; set; }
    public int? Working { get; set; }
    public string? Map { get; set; }
    public bool External { get; set; }
    public string? Action { get; set; }
    public double? Progress { get; set; }
    public string? Delayed { get; set; }
}

/// <summary>The /proc/mdstat parser.</summary>
internal static partial class MdstatParser
{
    [GeneratedRegex(@"^(md[\w/]+)\s*:\s*(active|inactive)\b\s*(?:\(([\w-]+)\)\s*)?(.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(.+?)\[(\d+)\]((?:\([A-Z]\))*)$")]
    private static partial Regex Member();

    [GeneratedRegex(@"\[(\d+)/(\d+)\]\s*\[([U_]+)\]")]
    private static partial Regex MapPattern();

    [GeneratedRegex(@"\b(resync|recovery|reshape|check|repair)\s*=\s*([\d.]+)%")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"\b(resync|recovery|reshape|check|repair)\s*=\s*(DELAYED|PENDING)")]
    private static partial Regex DelayedPattern();

    /// <summary>Parses the text; null when it is not /proc/mdstat at all (no Personalities line).</summary>
    public static List<MdArray>? Parse(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (!lines.Any(l => l.StartsWith("Personalities", StringComparison.Ordinal))) return null;
        var arrays = new List<MdArray>();
        MdArray? current = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var h = Header().Match(line);
            if (h.Success)
            {
                current = new MdArray(h.Groups[1].Value, h.Groups[2].Value == "active") { ReadOnly = NullIfEmpty(h.Groups[3].Value) };
                ReadMembers(current, h.Groups[4].Value);
                arrays.Add(current);
                continue;
            }
            if (line.StartsWith("unused devices", StringComparison.Ordinal) || line.StartsWith("Personalities", StringComparison.Ordinal))
            {
                current = null;
                continue;
            }
            if (current is null || line.Length == 0) continue;
            ReadDetail(current, line);
        }
        return arrays;
    }

    private static void ReadMembers(MdArray array, string rest)
    {
        foreach (var token in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var m = Member().Match(token);
            if (m.Success) array.Members.Add(new MdMember(m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[3].Value));
            else array.Level ??= token;
        }
    }

    private static void ReadDetail(MdArray array, string line)
    {
        var map = MapPattern().Match(line);
        if (map.Success)
        {
            array.Total = int.Parse(map.Groups[1].Value, CultureInfo.InvariantCulture);
            array.Working = int.Parse(map.Groups[2].Value, CultureInfo.InvariantCulture);
            array.Map = map.Groups[3].Value;
        }
        if (line.Contains("super external:", StringComparison.Ordinal)) array.External = true;
        var action = ActionPattern().Match(line);
        if (action.Success)
        {
            array.Action = action.Groups[1].Value;
            array.Progress = double.Parse(action.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        var delayed = DelayedPattern().Match(line);
        if (delayed.Success)
        {
            array.Action ??= delayed.Groups[1].Value;
            array.Delayed = delayed.Groups[2].Value;
        }
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
