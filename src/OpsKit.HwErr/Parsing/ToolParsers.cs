// Parsers for the outputs of the RAS tools: rasdaemon's ras-mc-ctl (--summary, --errors,
// --error-count, told apart by their content), mcelog (decoded records) and edac-util -v.
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Parsing;

/// <summary>The tool kinds "--from KIND=FILE" accepts.</summary>
public static class ToolKinds
{
    /// <summary>rasdaemon's report tool.</summary>
    public const string RasMcCtl = "ras-mc-ctl";

    /// <summary>mcelog.</summary>
    public const string Mcelog = "mcelog";

    /// <summary>edac-utils.</summary>
    public const string EdacUtil = "edac-util";

    /// <summary>All kinds.</summary>
    public static IReadOnlyList<string> All { get; } = [RasMcCtl, Mcelog, EdacUtil];

    /// <summary>The command run live for a kind.</summary>
    public static (string Program, string[] Args) Command(string kind) => kind switch
    {
        RasMcCtl => ("ras-mc-ctl", ["--summary"]),
        Mcelog => ("mcelog", ["--client"]),
        _ => ("edac-util", ["-v"]),
    };

    /// <summary>Parses a saved or live output of a kind.</summary>
    public static SourceReport Parse(string kind, string text, string origin) => kind switch
    {
        RasMcCtl => ToolParsers.RasMcCtl(text, origin),
        Mcelog => ToolParsers.Mcelog(text, origin),
        EdacUtil => ToolParsers.EdacUtil(text, origin),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown tool kind"),
    };
}

/// <summary>The parsers.</summary>
public static partial class ToolParsers
{
    [GeneratedRegex(@"^\t?(?<n>\d+) (?<msg>.*) errors$")]
    private static partial Regex CountMsgErrors();

    [GeneratedRegex(@"^\t(?<type>\S+) on DIMM Label\(s\): '(?<label>[^']*)' location: (?<loc>\S+) errors: (?<n>\d+)$")]
    private static partial Regex SummaryMemory();

    [GeneratedRegex(@"^\t(?<n>\d+) (?<type>.+?) errors: (?<msg>.*)$")]
    private static partial Regex SummaryAer();

    [GeneratedRegex(@"^\t(?<what>.+) errors: (?<n>\d+)$")]
    private static partial Regex SummaryMemoryFailure();

    [GeneratedRegex(@"^\tCPU\(mpidr=[^)]*\) has (?<n>\d+) errors$")]
    private static partial Regex SummaryArm();

    [GeneratedRegex(@"\berror: (?<msg>[^,]*(?:, no action required\.)?)")]
    private static partial Regex ErrorsMceMessage();

    [GeneratedRegex(@", bank (?<bank>[^,]+?\(bank=\d+\))")]
    private static partial Regex ErrorsMceBank();

    [GeneratedRegex(@"\bstatus=0x(?<s>[0-9a-fA-F]+)")]
    private static partial Regex ErrorsMceStatus();

    [GeneratedRegex(@"^\d+ .*? (?<n>\d+) (?<type>\S+) error\(s\): .* at (?<label>.*?) location: ")]
    private static partial Regex ErrorsMemory();

    [GeneratedRegex(@"^\d+ \S+ \S+(?: [+-]\d{4})? (?<dev>\S+) (?<type>.+?) error: (?<msg>.*)$")]
    private static partial Regex ErrorsAer();

    [GeneratedRegex(@"^(?<label>.+?)\s*\t\s*(?<ce>\d+)\s*\t\s*(?<ue>\d+)\s*$")]
    private static partial Regex ErrorCountRow();

    [GeneratedRegex(@"^(?<mc>mc\d+): (?:(?<row>csrow\d+): )?(?:(?<label>.+?): )?(?<n>\d+) (?<sev>Corrected|Uncorrected) Errors(?<noinfo> with no DIMM info)?\s*$")]
    private static partial Regex EdacUtilLine();

    /// <summary>ras-mc-ctl --summary, --errors or --error-count output.</summary>
    public static SourceReport RasMcCtl(string text, string origin)
    {
        var report = new SourceReport(ToolKinds.RasMcCtl, origin);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var details = new JsonObject();
        if (lines.FirstOrDefault(l => l.Trim().Length > 0) is { } first && first.StartsWith("Label", StringComparison.Ordinal) && first.Contains("CE", StringComparison.Ordinal))
        {
            long ce = 0, ue = 0;
            var labels = 0;
            for (var i = 1; i < lines.Count; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                var m = ErrorCountRow().Match(lines[i]);
                if (!m.Success)
                {
                    report.Unknown($"{origin}:{i + 1}: '{lines[i].Trim()}' is not LABEL CE UE");
                    continue;
                }
                labels++;
                var label = m.Groups["label"].Value.Trim();
                var c = long.Parse(m.Groups["ce"].Value, CultureInfo.InvariantCulture);
                var u = long.Parse(m.Groups["ue"].Value, CultureInfo.InvariantCulture);
                ce += c;
                ue += u;
                Add(report, $"ras-mc-ctl/dimm/{label}/ce", Severity.Corrected, c, $"{label} corrected", $"{origin}:{i + 1}: {lines[i]}", dimm: label, inTotal: true, counter: true);
                Add(report, $"ras-mc-ctl/dimm/{label}/ue", Severity.Uncorrected, u, $"{label} uncorrected", $"{origin}:{i + 1}: {lines[i]}", dimm: label, inTotal: true, counter: true);
            }
            report.Details = new JsonObject { ["mode"] = "error-count", ["labels"] = labels, ["ce_total"] = ce, ["ue_total"] = ue };
            return report;
        }
        var section = "";
        long memory = 0, aer = 0, extlog = 0, mce = 0, mceCorrected = 0, mceUncorrected = 0, memoryFailure = 0, arm = 0;
        var mceRecords = new JsonObject();
        var mceBanks = new List<string>();
        var summary = lines.Any(l => l.Contains("summary:", StringComparison.Ordinal) || l.StartsWith("No ", StringComparison.Ordinal)) && !lines.Any(l => l.EndsWith(" events:", StringComparison.Ordinal));
        var recognised = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var where = $"{origin}:{i + 1}: {line.Trim()}";
            if (line.Trim().Length == 0) continue;
            if (line.StartsWith("No ", StringComparison.Ordinal) && line.EndsWith("errors.", StringComparison.Ordinal))
            {
                recognised = true;
                section = "";
                continue;
            }
            if (!line.StartsWith('\t') && line.EndsWith(':'))
            {
                recognised = true;
                section = line.StartsWith("Memory controller", StringComparison.Ordinal) ? "memory"
                    : line.StartsWith("PCIe AER", StringComparison.Ordinal) ? "aer"
                    : line.StartsWith("MCE", StringComparison.Ordinal) ? "mce"
                    : line.StartsWith("Extlog", StringComparison.Ordinal) ? "extlog"
                    : line.StartsWith("Memory failure", StringComparison.Ordinal) ? "memory_failure"
                    : line.StartsWith("ARM processor", StringComparison.Ordinal) ? "arm"
                    : "other";
                continue;
            }
            Match m;
            switch (section)
            {
                case "memory" when summary && (m = SummaryMemory().Match(line)).Success:
                {
                    var n = Long(m, "n");
                    memory += n;
                    var sev = MsgSeverity(m.Groups["type"].Value);
                    var label = m.Groups["label"].Value;
                    Add(report, $"ras-mc-ctl/memory/{label}/{sev.Label()}", sev, n, $"memory {sev.Label()} on {label}", where, dimm: label, inTotal: true, counter: true);
                    break;
                }
                case "memory" when !summary && (m = ErrorsMemory().Match(line)).Success:
                {
                    var n = Long(m, "n");
                    memory += n;
                    var sev = MsgSeverity(m.Groups["type"].Value);
                    var label = m.Groups["label"].Value;
                    Add(report, $"ras-mc-ctl/memory/{label}/{sev.Label()}", sev, n, $"memory {sev.Label()} on {label}", where, dimm: label, inTotal: true, counter: true);
                    break;
                }
                case "aer" when summary && (m = SummaryAer().Match(line)).Success:
                {
                    var n = Long(m, "n");
                    aer += n;
                    var sev = MsgSeverity(m.Groups["type"].Value);
                    Add(report, $"ras-mc-ctl/aer/{m.Groups["type"].Value}/{m.Groups["msg"].Value}", sev, n, $"PCIe {m.Groups["type"].Value}: {m.Groups["msg"].Value}", where, inTotal: true, counter: true);
                    break;
                }
                case "aer" when !summary && (m = ErrorsAer().Match(line)).Success:
                {
                    aer++;
                    var sev = MsgSeverity(m.Groups["type"].Value);
                    var dev = m.Groups["dev"].Value;
                    Add(report, $"ras-mc-ctl/aer/{dev}/{sev.Label()}", sev, 1, $"PCIe {dev} {m.Groups["type"].Value}", where, device: dev, inTotal: true, counter: true);
                    break;
                }
                case "mce" when summary && (m = CountMsgErrors().Match(line)).Success:
                {
                    var n = Long(m, "n");
                    var msg = m.Groups["msg"].Value;
                    mce += n;
                    mceRecords[msg] = n;
                    var sev = MsgSeverity(msg);
                    if (sev == Severity.Corrected) mceCorrected += n;
                    else mceUncorrected += n;
                    Add(report, $"ras-mc-ctl/mce/{msg}", sev, n, $"MCE: {msg}", where, inTotal: true, counter: true);
                    break;
                }
                case "mce" when !summary && (m = ErrorsMceMessage().Match(line)).Success:
                {
                    mce++;
                    var msg = m.Groups["msg"].Value.Trim();
                    var sev = MsgSeverity(msg);
                    if (ErrorsMceStatus().Match(line) is { Success: true } st)
                        sev = (ulong.Parse(st.Groups["s"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << 61)) != 0 ? Severity.Uncorrected : Severity.Corrected;
                    if (sev == Severity.Corrected) mceCorrected++;
                    else mceUncorrected++;
                    var bank = ErrorsMceBank().Match(line) is { Success: true } b ? b.Groups["bank"].Value : null;
                    if (bank is not null) mceBanks.Add(bank);
                    Add(report, $"ras-mc-ctl/mce/{bank ?? "-"}/{sev.Label()}", sev, 1, $"MCE {sev.Label()}{(bank is null ? "" : " on " + bank)}", where, device: bank, inTotal: true, counter: true);
                    break;
                }
                case "extlog" when (m = CountMsgErrors().Match(line)).Success:
                {
                    var n = Long(m, "n");
                    extlog += n;
                    var msg = m.Groups["msg"].Value;
                    var sev = msg.Contains("corrected", StringComparison.OrdinalIgnoreCase) && !msg.Contains("uncorrected", StringComparison.OrdinalIgnoreCase) ? Severity.Corrected
                        : msg.Contains("info", StringComparison.OrdinalIgnoreCase) ? Severity.None : Severity.Uncorrected;
                    Add(report, $"ras-mc-ctl/extlog/{msg}", sev, n, $"extlog: {msg}", where, inTotal: true, counter: true);
                    break;
                }
                case "memory_failure" when summary && (m = SummaryMemoryFailure().Match(line)).Success:
                {
                    var n = Long(m, "n");
                    memoryFailure += n;
                    Add(report, $"ras-mc-ctl/memory_failure/{m.Groups["what"].Value}", Severity.Uncorrected, n, $"memory failure: {m.Groups["what"].Value}", where, inTotal: false, counter: true);
                    break;
                }
                case "arm" when summary && (m = SummaryArm().Match(line)).Success:
                    arm += Long(m, "n");
                    Add(report, "ras-mc-ctl/arm", Severity.Corrected, Long(m, "n"), "ARM processor errors", where, inTotal: true, counter: true);
                    break;
                default:
                    if (section is "memory_failure" or "arm" or "other" || (!summary && section.Length > 0)) break;
                    report.Unknown($"{origin}:{i + 1}: '{line.Trim()}' is not ras-mc-ctl output");
                    break;
            }
        }
        if (!recognised) report.Unknown($"{origin}: not ras-mc-ctl --summary, --errors or --error-count output");
        details["mode"] = summary ? "summary" : "errors";
        details["memory_errors"] = memory;
        details["aer_errors"] = aer;
        details["extlog_errors"] = extlog;
        details["mce_errors"] = mce;
        details["mce_corrected"] = mceCorrected;
        details["mce_uncorrected"] = mceUncorrected;
        details["memory_failure_errors"] = memoryFailure;
        details["arm_errors"] = arm;
        if (summary) details["mce_records"] = mceRecords;
        else
        {
            details["mce_events"] = mce;
            details["mce_banks"] = new JsonArray(mceBanks.Select(b => (JsonNode)JsonValue.Create(b)).ToArray());
        }
        report.Details = details;
        return report;
    }

    /// <summary>mcelog's decoded records (mcelog --client, --ascii).</summary>
    public static SourceReport Mcelog(string text, string origin)
    {
        var report = new SourceReport(ToolKinds.Mcelog, origin);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
        var records = new JsonArray();
        int total = 0, uncorrected = 0, corrected = 0, pccRecords = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!Regex.IsMatch(lines[i], @"^MCE \d+$")) continue;
            var start = i;
            var end = i + 1;
            while (end < lines.Count && !Regex.IsMatch(lines[end], @"^MCE \d+$")) end++;
            var block = lines.Skip(start).Take(end - start).ToList();
            total++;
            string? cpu = null, bank = null, status = null;
            foreach (var l in block)
            {
                if (Regex.Match(l, @"^CPU (\d+) BANK (\d+)") is { Success: true } cb) { cpu = cb.Groups[1].Value; bank = cb.Groups[2].Value; }
                if (Regex.Match(l, @"^STATUS ([0-9a-fA-F]+)") is { Success: true } s) status = s.Groups[1].Value.ToLowerInvariant();
            }
            var pcc = block.Contains("Processor context corrupt");
            bool uc;
            if (status is not null)
            {
                var v = ulong.Parse(status, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                uc = (v & (1UL << 61)) != 0;
                pcc |= (v & (1UL << 57)) != 0;
            }
            else uc = block.Contains("Uncorrected error");
            uc |= pcc;
            if (uc) uncorrected++;
            else corrected++;
            if (pcc) pccRecords++;
            var o = new JsonObject { ["uncorrected"] = uc, ["processor_context_corrupt"] = pcc };
            if (cpu is not null) o["cpu"] = int.Parse(cpu, CultureInfo.InvariantCulture);
            if (bank is not null) o["bank"] = int.Parse(bank, CultureInfo.InvariantCulture);
            if (status is not null) o["status"] = status;
            records.Add((JsonNode)o);
            var sev = uc ? Severity.Uncorrected : Severity.Corrected;
            var dev = cpu is null ? null : $"CPU {cpu} bank {bank}";
            Add(report, $"mcelog/{dev ?? "-"}/{sev.Label()}", sev, 1, $"MCE {sev.Label()}{(pcc ? ", processor context corrupt" : "")}{(dev is null ? "" : " on " + dev)}",
                $"{origin}:{start + 1}: MCE record{(status is null ? "" : " STATUS " + status)}", device: dev, inTotal: true, counter: false);
        }
        // The client's memory accounting: "SOCKET s CHANNEL c DIMM d", DMI_NAME, then "corrected memory errors:"
        // and "uncorrected memory errors:" each followed by "\tN total".
        string? dimm = null;
        long dimmCe = 0, dimmUe = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (Regex.Match(l, @"^SOCKET (\d+) CHANNEL (\S+) DIMM (\S+)") is { Success: true } sd) dimm = $"socket {sd.Groups[1].Value} channel {sd.Groups[2].Value} dimm {sd.Groups[3].Value}";
            else if (dimm is not null && Regex.Match(l, @"^DMI_NAME ""([^""]*)""") is { Success: true } dn && dn.Groups[1].Value.Trim().Length > 0) dimm = dn.Groups[1].Value.Trim();
            else if (dimm is not null && Regex.Match(l, @"^(un)?corrected memory errors:$") is { Success: true } me && i + 1 < lines.Count
                && Regex.Match(lines[i + 1], @"^\s+(\d+) total") is { Success: true } tot)
            {
                var uc = me.Groups[1].Success;
                var n = long.Parse(tot.Groups[1].Value, CultureInfo.InvariantCulture);
                if (uc) dimmUe += n;
                else dimmCe += n;
                var sev = uc ? Severity.Uncorrected : Severity.Corrected;
                Add(report, $"mcelog/dimm/{dimm}/{sev.Label()}", sev, n, $"{dimm} {sev.Label()} memory errors", $"{origin}:{i + 2}: {lines[i + 1].Trim()}", dimm: dimm, inTotal: total == 0, counter: true);
            }
        }
        if (total == 0 && dimm is null && !lines.Any(l => l.Length == 0 || l.StartsWith("mcelog:", StringComparison.Ordinal)))
            report.Unknown($"{origin}: no 'MCE n' record and not mcelog output");
        report.Details = new JsonObject
        {
            ["mce_records"] = total, ["uncorrected"] = uncorrected, ["corrected"] = corrected,
            ["dimm_ce_total"] = dimmCe, ["dimm_ue_total"] = dimmUe,
            ["processor_context_corrupt"] = pccRecords > 0, ["records"] = records,
        };
        return report;
    }

    /// <summary>edac-util -v (or plain edac-util) output.</summary>
    public static SourceReport EdacUtil(string text, string origin)
    {
        var report = new SourceReport(ToolKinds.EdacUtil, origin);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var controllers = new SortedSet<string>(StringComparer.Ordinal);
        long ce = 0, ue = 0, noinfoCe = 0, noinfoUe = 0;
        var nonzero = new JsonArray();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.Contains("No errors to report", StringComparison.Ordinal)) continue;
            var m = EdacUtilLine().Match(line);
            if (!m.Success)
            {
                report.Unknown($"{origin}:{i + 1}: '{line.Trim()}' is not edac-util output");
                continue;
            }
            var mc = m.Groups["mc"].Value;
            controllers.Add(mc);
            var n = Long(m, "n");
            var uc = m.Groups["sev"].Value == "Uncorrected";
            var row = m.Groups["row"].Success ? m.Groups["row"].Value : null;
            var label = m.Groups["label"].Success ? m.Groups["label"].Value : null;
            var noinfo = m.Groups["noinfo"].Success;
            if (uc) ue += n;
            else ce += n;
            if (noinfo && uc) noinfoUe += n;
            else if (noinfo) noinfoCe += n;
            var sev = uc ? Severity.Uncorrected : Severity.Corrected;
            var key = $"edac-util/{mc}/{row ?? "-"}/{label ?? (noinfo ? "noinfo" : "-")}/{sev.Label()}";
            Add(report, key, sev, n, $"{mc}{(row is null ? "" : " " + row)} {label ?? (noinfo ? "no DIMM info" : "")} {sev.Label()}".Replace("  ", " ", StringComparison.Ordinal),
                $"{origin}:{i + 1}: {line}", mc: mc, dimm: label, inTotal: true, counter: true);
            if (n > 0)
            {
                var o = new JsonObject { ["mc"] = mc };
                if (row is not null) o["csrow"] = row;
                if (label is not null) o["label"] = label;
                if (noinfo) o["noinfo"] = true;
                o[uc ? "ue" : "ce"] = n;
                nonzero.Add((JsonNode)o);
            }
        }
        report.Details = new JsonObject
        {
            ["controllers"] = controllers.Count, ["ce_total"] = ce, ["ue_total"] = ue,
            ["noinfo_ce"] = noinfoCe, ["noinfo_ue"] = noinfoUe, ["nonzero"] = nonzero,
        };
        return report;
    }

    private static Severity MsgSeverity(string msg) =>
        msg.TrimStart().StartsWith("Corrected", StringComparison.OrdinalIgnoreCase) || msg.TrimStart().StartsWith("Correctable", StringComparison.OrdinalIgnoreCase)
            ? Severity.Corrected
            : msg.TrimStart().StartsWith("Info", StringComparison.OrdinalIgnoreCase) ? Severity.None : Severity.Uncorrected;

    private static long Long(Match m, string group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static void Add(SourceReport report, string key, Severity severity, long n, string what, string evidence,
        string? mc = null, string? dimm = null, string? device = null, bool inTotal = true, bool counter = true)
    {
        if (report.Observations.FirstOrDefault(o => o.Key == key) is { } existing)
        {
            report.Observations[report.Observations.IndexOf(existing)] = existing with { Value = existing.Value + n };
            return;
        }
        report.Observations.Add(new Observation
        {
            Key = key, Severity = severity, Value = n, What = what, Mc = mc, Dimm = dimm, Device = device, InTotal = inTotal,
            IsCounter = counter, Evidence = [evidence],
        });
    }
}
