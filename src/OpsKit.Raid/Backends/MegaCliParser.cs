// Parses MegaCli/CmdTool2 "Key : Value" listings: physical disks (-PDList, -CfgDsply),
// logical drives (-LdInfo, -CfgDsply) and BBU status, keyed by adapter because -aALL
// interleaves adapters and device ids repeat across them.
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsKit.Raid.Backends;

/// <summary>A physical disk.</summary>
internal sealed class MegaDisk(string adapter)
{
    public string Adapter { get; } = adapter;
    public string? Enclosure { get; set; }
    public string? Slot { get; set; }
    public string? State { get; set; }
    public long? Predictive { get; set; }
    public long? MediaErrors { get; set; }
    public bool SmartAlert { get; set; }
    public double? Temperature { get; set; }
    public string Id => Enclosure is null or "N/A" ? $"slot {Slot}" : $"{Enclosure}:{Slot}";
}

/// <summary>A logical drive.</summary>
internal sealed class MegaLogical(string adapter, string id)
{
    public string Adapter { get; } = adapter;
    public string Id { get; } = id;
    public string? Name { get; set; }
    public string? Level { get; set; }
    public string? State { get; set; }
    public string? DefaultCache { get; set; }
    public string? CurrentCache { get; set; }
    public bool CacheCade { get; set; }
    public string? Activity { get; set; }
    public double? Progress { get; set; }
}

/// <summary>A BBU status block.</summary>
internal sealed class MegaBattery(string adapter)
{
    public string Adapter { get; } = adapter;
    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool Absent { get; set; }
    public string? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;
}

/// <summary>MegaCli output parser.</summary>
internal static partial class MegaCliParser
{
    [GeneratedRegex(@"^Adapter\s*(?:#|:)?\s*(\d+)")]
    private static partial Regex AdapterLine();

    [GeneratedRegex(@"^(CacheCade )?Virtual (?:Drive|Disk)\s*:\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LogicalLine();

    [GeneratedRegex(@"Completed\s+(\d+)%")]
    private static partial Regex Completed();

    /// <summary>Splits "Key : Value" (first colon); null when the line has none.</summary>
    public static (string Key, string Value)? KeyValue(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        return (line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    /// <summary>The "Exit Code: 0x.." trailer, or null when absent (some builds omit it).</summary>
    public static string? ExitCode(string text) =>
        Lines(text).Select(KeyValue).Where(kv => kv?.Key == "Exit Code").Select(kv => kv!.Value.Value).LastOrDefault();

    public static List<MegaDisk> Disks(string text, string adapter = "0")
    {
        var disks = new List<MegaDisk>();
        MegaDisk? d = null;
        foreach (var line in Lines(text))
        {
            if (AdapterLine().Match(line.Trim()) is { Success: true } a) { adapter = a.Groups[1].Value; d = null; continue; }
            if (KeyValue(line) is not var (key, value)) continue;
            switch (key)
            {
                case "Physical Disk":
                    disks.Add(d = new MegaDisk(adapter));
                    break;
                case "Enclosure Device ID":
                    if (d is null || d.Enclosure is not null || d.Slot is not null) disks.Add(d = new MegaDisk(adapter));
                    d.Enclosure = value;
                    break;
                case "Slot Number":
                    if (d is null || d.Slot is not null) disks.Add(d = new MegaDisk(adapter));
                    d.Slot = value;
                    break;
                case "Firmware state" when d is not null: d.State = value; break;
                case "Predictive Failure Count" when d is not null: d.Predictive = Number(value); break;
                case "Media Error Count" when d is not null: d.MediaErrors = Number(value); break;
                case "Drive has flagged a S.M.A.R.T alert" when d is not null: d.SmartAlert = value.StartsWith("Yes", StringComparison.OrdinalIgnoreCase); break;
                case "Drive Temperature" when d is not null: d.Temperature = Number(value.Split('C')[0]); break;
            }
        }
        return disks;
    }

    public static List<MegaLogical> Logicals(string text, string adapter = "0")
    {
        var lds = new List<MegaLogical>();
        MegaLogical? ld = null;
        foreach (var line in Lines(text))
        {
            var trimmed = line.Trim();
            if (AdapterLine().Match(trimmed) is { Success: true } a) { adapter = a.Groups[1].Value; ld = null; continue; }
            if (LogicalLine().Match(trimmed) is { Success: true } v)
            {
                // "CacheCade Virtual Drive: 1" (check_raid #91) is an SSD cache, listed like a VD.
                lds.Add(ld = new MegaLogical(adapter, v.Groups[2].Value) { CacheCade = v.Groups[1].Success });
                continue;
            }
            if (ld is null || KeyValue(line) is not var (key, value)) continue;
            switch (key)
            {
                case "Name": ld.Name = value; break;
                case "RAID Level": ld.Level = RaidLevel(value); break;
                case "State": ld.State = value; break;
                case "Default Cache Policy": ld.DefaultCache = value; break;
                case "Current Cache Policy": ld.CurrentCache = value; break;
                case "Virtual Drive Type" or "Virtual Disk Type": ld.CacheCade |= value.Contains("CacheCade", StringComparison.OrdinalIgnoreCase); break;
                case "Check Consistency" or "Background Initialization" or "Reconstruction" or "Initialization" or "Rebuild":
                    if (Completed().Match(value) is { Success: true } c)
                    {
                        ld.Activity = key;
                        ld.Progress = double.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture);
                    }
                    break;
            }
        }
        return lds;
    }

    public static List<MegaBattery> Batteries(string text)
    {
        var list = new List<MegaBattery>();
        MegaBattery? b = null;
        foreach (var line in Lines(text))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("BBU status for Adapter", StringComparison.OrdinalIgnoreCase))
            {
                list.Add(b = new MegaBattery(KeyValue(trimmed)?.Value ?? "0"));
                continue;
            }
            if (trimmed.Contains("Get BBU Status Failed", StringComparison.OrdinalIgnoreCase)
                || trimmed.Contains("required hardware component is not present", StringComparison.OrdinalIgnoreCase))
            {
                if (b is null) list.Add(b = new MegaBattery(AdapterLine().Match(trimmed) is { Success: true } m ? m.Groups[1].Value : "0"));
                b.Absent = true;
                continue;
            }
            if (b is null || KeyValue(line) is not var (key, value)) continue;
            // "Voltage: 4026 mV" (a reading) and "Voltage : OK" (a verdict) share a key; keep both apart.
            var reading = value.Length > 0 && char.IsAsciiDigit(value[0]);
            b.Values[reading ? key + " reading" : key] = value;
        }
        return list;
    }

    /// <summary>"Primary-1, Secondary-3, RAID Level Qualifier-0" -> "RAID10"; unknown shapes are kept.</summary>
    internal static string RaidLevel(string text)
    {
        var m = Regex.Match(text, @"Primary-(\d+),\s*Secondary-(\d+)");
        if (!m.Success) return text;
        var primary = m.Groups[1].Value;
        return m.Groups[2].Value == "3" && primary is "1" or "5" or "6" ? $"RAID{primary}0" : $"RAID{primary}";
    }

    private static long? Number(string s) => long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IEnumerable<string> Lines(string text) => text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
}
