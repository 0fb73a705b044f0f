// Reads kernel log lines in any of the usual wrappings (dmesg, dmesg -T/-H, syslog, journal
// short output, the raw /dev/kmsg records) and counts hardware-error evidence: EDAC CE/UE
// lines, MCE records (MCi_STATUS UC/PCC decoded), panics, thermal throttling, AER records
// (old and 6.x wordings; floods collapse into one group per device), GHES/APEI records and
// "Memory failure:" lines. The patterns search the line, so any prefix is fine.
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Parsing;

/// <summary>Counts hardware-error evidence in kernel log lines.</summary>
public sealed partial class KernelLogParser
{
    private const string Bdf = @"(?<dev>[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7])(?::pcie\d+)?";
    private const int EvidencePerGroup = 3;

    [GeneratedRegex(@"EDAC MC(?<mc>\d+): (?<n>\d+) (?<sev>CE|UE) (?<rest>.*)$")]
    private static partial Regex EdacCount();

    [GeneratedRegex(@"EDAC MC(?<mc>\d+): (?<sev>CE|UE) (?<rest>.*)$")]
    private static partial Regex EdacOld();

    [GeneratedRegex(@" on (?<label>.+?)(?: \(|\s*$)")]
    private static partial Regex EdacLabel();

    [GeneratedRegex(@"label ""(?<label>[^""]*)""")]
    private static partial Regex EdacOldLabel();

    [GeneratedRegex(@"row \d+, channel \d+")]
    private static partial Regex EdacOldLocation();

    [GeneratedRegex(@"(?:CPU (?<cpu>\d+): )?Machine Check(?: Exception| Event)?: (?<mcg>\S+) Bank (?<bank>\d+): (?:0x)?(?<status>[0-9a-fA-F]+)\b")]
    private static partial Regex MceRecord();

    [GeneratedRegex(@"Kernel panic - not syncing: (?<why>.*)$")]
    private static partial Regex Panic();

    [GeneratedRegex(@"Error Status: (?<s>.*)$")]
    private static partial Regex DecoderStatus();

    [GeneratedRegex(@"MC\d+_STATUS\[[^\]]*\]")]
    private static partial Regex DecoderFlags();

    [GeneratedRegex(@"CPU(?<cpu>\d+): (?<what>Core|Package) temperature above threshold, cpu clock throttled \(total events = (?<n>\d+)\)")]
    private static partial Regex ThermalAbove();

    [GeneratedRegex(@"CPU(?<cpu>\d+): (?<what>Core|Package) temperature/speed normal")]
    private static partial Regex ThermalNormal();

    [GeneratedRegex(Bdf + @": (?:AER: )?PCIe Bus Error: severity=(?<sev>[^,]+), type=(?<type>[^,]+)")]
    private static partial Regex AerRecord();

    [GeneratedRegex(Bdf + @": (?:AER: )?(?:Multiple )?(?<sev>Corrected|Correctable|Uncorrected \((?:Non-Fatal|Fatal)\)|Uncorrectable \((?:Non-Fatal|Fatal)\)) error (?:message )?received")]
    private static partial Regex AerReceived();

    [GeneratedRegex(Bdf + @": (?:AER: )?\s+\[\s*(?<bit>\d+)\] (?<name>\S+)")]
    private static partial Regex AerDetail();

    [GeneratedRegex(Bdf + @": (?:AER: )?device recovery failed")]
    private static partial Regex AerRecoveryFailed();

    [GeneratedRegex(@"\[Hardware Error\]: Hardware error from APEI Generic Hardware Error Source: \d+")]
    private static partial Regex GhesHeader();

    [GeneratedRegex(@"\[Hardware Error\]: event severity: (?<s>\w+)")]
    private static partial Regex GhesSeverity();

    [GeneratedRegex(@"\[Hardware Error\]:\s+Error \d+, type: (?<s>\w+)")]
    private static partial Regex GhesSection();

    [GeneratedRegex(@"\[Hardware Error\]:\s+section_type: (?<t>.+?)\s*$")]
    private static partial Regex GhesSectionType();

    private sealed class Group
    {
        public required Observation Template { get; init; }
        public long Value { get; set; }
        public List<string> Evidence { get; } = [];
    }

    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aerOpen = new(StringComparer.Ordinal);
    private readonly List<string> _claimed = [];

    private int _lines, _edacCeEvents, _edacUeEvents, _edacDriverLines, _eccDisabledLines;
    private long _edacCeTotal, _edacUeTotal;
    private readonly SortedDictionary<string, (long Ce, long Ue)> _edacByMc = new(StringComparer.Ordinal);
    private readonly List<string> _edacLabels = [], _edacLocations = [];
    private int _mceRecords, _mceUncorrected, _mceLogged, _mcePcc, _mceUncorrectedMemory;
    private bool _panic;
    private readonly List<string> _mceBanks = [];
    private int _decoderCorrected, _decoderUncorrected;
    private readonly List<string> _decoderFlags = [];
    private int _coreAbove, _packageAbove, _coreNormal, _packageNormal;
    private long _maxCore, _maxPackage;
    private readonly SortedDictionary<string, int> _aerRecords = new(StringComparer.Ordinal), _aerReceived = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, int>> _aerByDevice = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, int>> _aerErrorsByDevice = new(StringComparer.Ordinal);
    private int _aerRecoveryFailed, _aerOrphans;
    private int _ghesRecords, _memoryFailure;
    private readonly List<string> _ghesSeverity = [], _ghesSectionSeverity = [], _ghesSectionTypes = [];

    /// <summary>Lines that carried evidence (the excerpt "hwerr dump" saves).</summary>
    public IReadOnlyList<string> Claimed => _claimed;

    /// <summary>Number of lines read.</summary>
    public int Lines => _lines;

    /// <summary>Reads one message. <paramref name="where"/> is "FILE:LINE" for the evidence.</summary>
    public void Add(string line, string where)
    {
        _lines++;
        if (Parse(line, where)) _claimed.Add(line);
    }

    private bool Parse(string line, string where)
    {
        Match m;
        if ((m = EdacCount().Match(line)).Success)
        {
            var n = long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var label = EdacLabel().Match(m.Groups["rest"].Value) is { Success: true } l ? l.Groups["label"].Value.Trim() : "";
            Edac(m.Groups["mc"].Value, m.Groups["sev"].Value == "UE", n, label, null, line, where);
            return true;
        }
        if ((m = EdacOld().Match(line)).Success)
        {
            var rest = m.Groups["rest"].Value;
            var label = EdacOldLabel().Match(rest) is { Success: true } l ? l.Groups["label"].Value.Trim() : "";
            var location = EdacOldLocation().Match(rest) is { Success: true } loc ? loc.Value : null;
            Edac(m.Groups["mc"].Value, m.Groups["sev"].Value == "UE", 1, label, location, line, where);
            return true;
        }
        if ((m = MceRecord().Match(line)).Success)
        {
            var status = ulong.Parse(m.Groups["status"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var uc = (status & (1UL << 61)) != 0;
            var pcc = (status & (1UL << 57)) != 0;
            var bank = m.Groups["bank"].Value;
            var cpu = m.Groups["cpu"].Success ? $"CPU {m.Groups["cpu"].Value} " : "";
            _mceRecords++;
            if (uc) _mceUncorrected++;
            _mceBanks.Add($"{bank}:{m.Groups["status"].Value.ToLowerInvariant()}");
            var flags = (uc ? "UC" : "CE") + (pcc ? ", PCC" : "");
            Count($"log/mce/bank{bank}/{(uc ? "uncorrected" : "corrected")}", uc ? Severity.Uncorrected : Severity.Corrected, 1,
                $"MCE bank {bank} {(uc ? "uncorrected" : "corrected")} ({flags})", line, where, device: $"{cpu}bank {bank}".Trim());
            return true;
        }
        if (line.Contains("Machine check events logged", StringComparison.Ordinal))
        {
            _mceLogged++;
            Count("log/mce/events_logged", Severity.None, 1, "'Machine check events logged' (no severity of its own)", line, where, inTotal: false);
            return true;
        }
        if (line.Contains("Processor context corrupt", StringComparison.Ordinal))
        {
            _mcePcc++;
            Count("log/mce/processor_context_corrupt", Severity.Uncorrected, 1, "MCE: processor context corrupt", line, where, inTotal: false);
            return true;
        }
        if ((m = Panic().Match(line)).Success)
        {
            _panic = true;
            var why = m.Groups["why"].Value;
            if (why.Contains("machine check", StringComparison.OrdinalIgnoreCase) || why.Contains("MCE", StringComparison.Ordinal))
                Count("log/mce/panic", Severity.Uncorrected, 1, $"kernel panic: {why.Trim()}", line, where, inTotal: false);
            return true;
        }
        if (line.Contains("Uncorrected hardware memory error", StringComparison.Ordinal))
        {
            _mceUncorrectedMemory++;
            Count("log/mce/uncorrected_memory", Severity.Uncorrected, 1, "MCE: uncorrected hardware memory error", line, where, inTotal: false);
            return true;
        }
        if (line.Contains("[Hardware Error]", StringComparison.Ordinal) && (m = DecoderStatus().Match(line)).Success)
        {
            var s = m.Groups["s"].Value;
            var uc = s.StartsWith("Uncorrected", StringComparison.OrdinalIgnoreCase);
            if (uc) _decoderUncorrected++;
            else if (s.StartsWith("Corrected", StringComparison.OrdinalIgnoreCase)) _decoderCorrected++;
            else return true;
            Count($"log/mce/decoder/{(uc ? "uncorrected" : "corrected")}", uc ? Severity.Uncorrected : Severity.Corrected, 1, $"MCE decoder: {s.Trim()}", line, where, inTotal: false);
            return true;
        }
        if ((m = DecoderFlags().Match(line)).Success && line.Contains("[Hardware Error]", StringComparison.Ordinal))
        {
            _decoderFlags.Add(m.Value);
            return true;
        }
        if ((m = ThermalAbove().Match(line)).Success)
        {
            var core = m.Groups["what"].Value == "Core";
            var n = long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (core) { _coreAbove++; _maxCore = Math.Max(_maxCore, n); }
            else { _packageAbove++; _maxPackage = Math.Max(_maxPackage, n); }
            var what = core ? "core" : "package";
            Count($"log/thermal/{what}", Severity.Thermal, 1, $"CPU {what} temperature above threshold, clock throttled", line, where, inTotal: false);
            return true;
        }
        if ((m = ThermalNormal().Match(line)).Success)
        {
            if (m.Groups["what"].Value == "Core") _coreNormal++;
            else _packageNormal++;
            return true;
        }
        if ((m = AerRecord().Match(line)).Success)
        {
            var dev = m.Groups["dev"].Value.ToLowerInvariant();
            var (sev, severity) = AerSeverity(m.Groups["sev"].Value);
            Inc(_aerRecords, sev);
            if (!_aerByDevice.TryGetValue(dev, out var byDev)) _aerByDevice[dev] = byDev = new(StringComparer.Ordinal);
            Inc(byDev, sev);
            _aerOpen.Add(dev);
            Count($"log/aer/{dev}/{sev}", severity, 1, $"PCIe {dev} {sev} ({m.Groups["type"].Value.Trim()})", line, where, device: dev);
            return true;
        }
        if ((m = AerReceived().Match(line)).Success)
        {
            var dev = m.Groups["dev"].Value.ToLowerInvariant();
            var (sev, severity) = AerSeverity(m.Groups["sev"].Value);
            Inc(_aerReceived, sev);
            Count($"log/aer/{dev}/received/{sev}", severity, 1, $"PCIe {dev} {sev} error received", line, where, device: dev, inTotal: false);
            return true;
        }
        if ((m = AerRecoveryFailed().Match(line)).Success)
        {
            var dev = m.Groups["dev"].Value.ToLowerInvariant();
            _aerRecoveryFailed++;
            Count($"log/aer/{dev}/recovery_failed", Severity.Uncorrected, 1, $"PCIe {dev} device recovery failed", line, where, device: dev, inTotal: false);
            return true;
        }
        if ((m = AerDetail().Match(line)).Success)
        {
            var dev = m.Groups["dev"].Value.ToLowerInvariant();
            if (!_aerOpen.Contains(dev))
            {
                _aerOrphans++;
                return true;
            }
            if (!_aerErrorsByDevice.TryGetValue(dev, out var errs)) _aerErrorsByDevice[dev] = errs = new(StringComparer.Ordinal);
            Inc(errs, m.Groups["name"].Value);
            return true;
        }
        if (GhesHeader().IsMatch(line))
        {
            _ghesRecords++;
            return true;
        }
        if ((m = GhesSeverity().Match(line)).Success)
        {
            var s = m.Groups["s"].Value.ToLowerInvariant();
            _ghesSeverity.Add(s);
            Count($"log/ghes/{s}", GhesLevel(s), 1, $"GHES event severity {s}", line, where);
            return true;
        }
        if ((m = GhesSection().Match(line)).Success)
        {
            var s = m.Groups["s"].Value.ToLowerInvariant();
            _ghesSectionSeverity.Add(s);
            Count($"log/ghes/section/{s}", GhesLevel(s), 1, $"GHES section type {s}", line, where, inTotal: false);
            return true;
        }
        if ((m = GhesSectionType().Match(line)).Success)
        {
            _ghesSectionTypes.Add(m.Groups["t"].Value);
            return true;
        }
        if (line.Contains("Memory failure: ", StringComparison.Ordinal))
        {
            _memoryFailure++;
            Count("log/memory_failure", Severity.Uncorrected, 1, "memory failure (hwpoison)", line, where, inTotal: false);
            return true;
        }
        if (line.Contains("EDAC ", StringComparison.Ordinal))
        {
            _edacDriverLines++;
            if (line.Contains("ECC disabled", StringComparison.Ordinal)) _eccDisabledLines++;
            return true;
        }
        return false;
    }

    private void Edac(string mc, bool ue, long n, string label, string? location, string line, string where)
    {
        var key = "mc" + mc;
        var (ce, u) = _edacByMc.GetValueOrDefault(key);
        _edacByMc[key] = ue ? (ce, u + n) : (ce + n, u);
        if (ue) { _edacUeEvents++; _edacUeTotal += n; }
        else { _edacCeEvents++; _edacCeTotal += n; }
        if (label.Length > 0 && !_edacLabels.Contains(label)) _edacLabels.Add(label);
        if (location is not null && !_edacLocations.Contains(location)) _edacLocations.Add(location);
        var who = label.Length > 0 ? label : location ?? "";
        var sev = ue ? "ue" : "ce";
        Count($"log/edac/{key}/{(who.Length > 0 ? who : "-")}/{sev}", ue ? Severity.Uncorrected : Severity.Corrected, n,
            $"EDAC {key} {(ue ? "uncorrected" : "corrected")}{(who.Length > 0 ? " on " + who : "")}", line, where, mc: key, dimm: who.Length > 0 ? who : null);
    }

    private void Count(string key, Severity severity, long n, string what, string line, string where,
        string? mc = null, string? dimm = null, string? device = null, bool inTotal = true)
    {
        if (!_groups.TryGetValue(key, out var g))
        {
            _groups[key] = g = new Group
            {
                Template = new Observation { Key = key, Severity = severity, Value = 0, What = what, Mc = mc, Dimm = dimm, Device = device, InTotal = inTotal },
            };
        }
        g.Value += n;
        g.Evidence.Add($"{where}: {line.TrimEnd()}");
    }

    private static (string Name, Severity Severity) AerSeverity(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("Correct", StringComparison.OrdinalIgnoreCase)) return ("corrected", Severity.Corrected);
        if (t.Contains("Non-Fatal", StringComparison.OrdinalIgnoreCase)) return ("nonfatal", Severity.Uncorrected);
        if (t.Contains("Fatal", StringComparison.OrdinalIgnoreCase)) return ("fatal", Severity.Uncorrected);
        return (t.ToLowerInvariant(), Severity.Uncorrected);
    }

    private static Severity GhesLevel(string s) => s switch
    {
        "corrected" => Severity.Corrected,
        "recoverable" or "fatal" => Severity.Uncorrected,
        _ => Severity.None,
    };

    private static void Inc(SortedDictionary<string, int> d, string key) => d[key] = d.TryGetValue(key, out var n) ? n + 1 : 1;

    /// <summary>The observations (one per group) and the counts in the shape of the data README.</summary>
    public SourceReport Finish(string source, string origin)
    {
        var report = new SourceReport(source, origin);
        var edacEvents = _edacCeEvents + _edacUeEvents > 0;
        foreach (var g in _groups.Values)
        {
            var ghes = g.Template.Key.StartsWith("log/ghes/", StringComparison.Ordinal);
            report.Observations.Add(g.Template with
            {
                Value = g.Value,
                Evidence = g.Evidence.Take(EvidencePerGroup).Append(g.Evidence.Count > EvidencePerGroup ? $"... and {g.Evidence.Count - EvidencePerGroup} more lines" : null).OfType<string>().ToList(),
                // GHES and ghes_edac print the same error twice: count it once.
                InTotal = g.Template.InTotal && !(ghes && edacEvents),
            });
        }
        report.Details = new JsonObject
        {
            ["lines"] = _lines,
            ["edac"] = new JsonObject
            {
                ["ce_events"] = _edacCeEvents,
                ["ue_events"] = _edacUeEvents,
                ["ce_total"] = _edacCeTotal,
                ["ue_total"] = _edacUeTotal,
                ["by_mc"] = Obj(_edacByMc.Select(kv => (kv.Key, (JsonNode)new JsonObject { ["ce"] = kv.Value.Ce, ["ue"] = kv.Value.Ue }))),
                ["labels"] = Arr(_edacLabels),
                ["locations"] = Arr(_edacLocations),
                ["driver_lines"] = _edacDriverLines,
                ["ecc_disabled_lines"] = _eccDisabledLines,
            },
            ["mce"] = new JsonObject
            {
                ["records"] = _mceRecords,
                ["banks_status"] = Arr(_mceBanks),
                ["uncorrected_records"] = _mceUncorrected,
                ["events_logged_lines"] = _mceLogged,
                ["processor_context_corrupt_lines"] = _mcePcc,
                ["uncorrected_hw_memory_error_lines"] = _mceUncorrectedMemory,
                ["panic"] = _panic,
            },
            ["mce_decoder"] = new JsonObject
            {
                ["corrected_lines"] = _decoderCorrected,
                ["uncorrected_lines"] = _decoderUncorrected,
                ["status_flags"] = Arr(_decoderFlags),
            },
            ["thermal"] = new JsonObject
            {
                ["core_above_threshold"] = _coreAbove,
                ["package_above_threshold"] = _packageAbove,
                ["core_normal"] = _coreNormal,
                ["package_normal"] = _packageNormal,
                ["max_total_events_core"] = _maxCore,
                ["max_total_events_package"] = _maxPackage,
            },
            ["aer"] = new JsonObject
            {
                ["bus_error_records"] = Obj(_aerRecords.Select(kv => (kv.Key, (JsonNode)kv.Value))),
                ["received_lines"] = Obj(_aerReceived.Select(kv => (kv.Key, (JsonNode)kv.Value))),
                ["records_by_device"] = Obj(_aerByDevice.Select(kv => (kv.Key, (JsonNode)Obj(kv.Value.Select(x => (x.Key, (JsonNode)x.Value)))))),
                ["errors_by_device"] = Obj(_aerErrorsByDevice.Select(kv => (kv.Key, (JsonNode)Obj(kv.Value.Select(x => (x.Key, (JsonNode)x.Value)))))),
                ["recovery_failed_lines"] = _aerRecoveryFailed,
                ["orphan_detail_lines"] = _aerOrphans,
            },
            ["ghes"] = new JsonObject
            {
                ["records"] = _ghesRecords,
                ["event_severity"] = Arr(_ghesSeverity),
                ["section_error_types"] = Arr(_ghesSectionSeverity),
                ["section_types"] = Arr(_ghesSectionTypes),
            },
            ["memory_failure_lines"] = _memoryFailure,
        };
        return report;
    }

    private static JsonArray Arr(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());

    private static JsonObject Obj(IEnumerable<(string Key, JsonNode Value)> items)
    {
        var o = new JsonObject();
        foreach (var (k, v) in items) o[k] = v;
        return o;
    }
}
