// The aoe reports (status, list, discover, bench) as text and as JSON (docs/json.md, docs/schemas/aoe-*.schema.json).
// Targets read "e0.1" in both, as aoe-stat and vblade print them; a count the daemon did not report is null ("-" in text).
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using OpsKit.Aoe.Client;
using OpsKit.Aoe.Exports;
using OpsKit.Aoe.Target;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Aoe.Output;

/// <summary>"aoe status --json".</summary>
public sealed record AoeStatusJson(int SchemaVersion, IReadOnlyList<AoeExportStatusJson> Exports, IReadOnlyList<ReceiveThreadCounters> ReceiveThreads)
{
    /// <summary>The document for the status rows and the serving daemon's receive threads (empty when none runs).</summary>
    public static AoeStatusJson From(IReadOnlyList<ExportStatus> rows, IReadOnlyList<ReceiveThreadCounters> threads) => new(JsonOutput.SchemaVersion,
        [.. rows.Select(r => new AoeExportStatusJson(r.Spec.Alias, r.State, r.Pid, AoeReports.Target(r.Spec.Shelf, r.Spec.Slot), r.Spec.File,
            r.Counters is { } c ? c.Sectors * 512 : null, r.Spec.Interface, r.Counters?.Clients, r.Counters?.Frames, r.Counters?.Errors, r.Counters?.Dropped))],
        threads);
}

/// <summary>One export: state running, stopped or dead; counters null unless running.</summary>
public sealed record AoeExportStatusJson(string Alias, string State, int? Pid, string Target, string File, ulong? SizeBytes, string Interface,
    int? Clients, long? Frames, long? Errors, long? Dropped);

/// <summary>"aoe list --json".</summary>
public sealed record AoeListJson(int SchemaVersion, string Backend, IReadOnlyList<AoeExportJson> Exports)
{
    /// <summary>The document for the export table.</summary>
    public static AoeListJson From(AoeSettings s) => new(JsonOutput.SchemaVersion, s.Backend,
        [.. s.Exports.Select(e => new AoeExportJson(e.Alias, AoeReports.Target(e.Shelf, e.Slot), e.Shelf, e.Slot, e.File, e.Interface,
            [.. e.Allow.Select(m => m.ToString())], e.Store.ReadOnly, e.Store.Direct, e.Store.Sync, e.Store.Offset,
            e.Store.Length > 0 ? e.Store.Length : null, e.Buffers))]);
}

/// <summary>One configured export; allow empty means any MAC; length null means to the end of the file.</summary>
public sealed record AoeExportJson(string Alias, string Target, int Shelf, int Slot, string File, string Interface, IReadOnlyList<string> Allow,
    bool ReadOnly, bool Direct, bool Sync, long OffsetBytes, long? LengthBytes, int Buffers);

/// <summary>"aoe discover --json".</summary>
public sealed record AoeDiscoverJson(int SchemaVersion, string Interface, IReadOnlyList<AoeTargetJson> Targets)
{
    /// <summary>The document for the answers.</summary>
    public static AoeDiscoverJson From(string iface, IReadOnlyList<AoeTargetInfo> targets) => new(JsonOutput.SchemaVersion, iface,
        [.. targets.Select(t => new AoeTargetJson(AoeReports.Target(t.Shelf, t.Slot), t.Shelf, t.Slot, t.Mac.ToString(), t.SizeBytes > 0 ? t.SizeBytes : null,
            t.Buffers, t.MaxSectors, t.Payload, t.Firmware, t.Model.Length > 0 ? t.Model : null, t.ConfigString))]);
}

/// <summary>One target that answered; size and model null when IDENTIFY was not asked or not answered.</summary>
public sealed record AoeTargetJson(string Target, int Shelf, int Slot, string Mac, ulong? SizeBytes, int Buffers, int Sectors, int Payload,
    int Firmware, string? Model, string Config);

/// <summary>"aoe bench --json".</summary>
public sealed record AoeBenchJson(int SchemaVersion, string Interface, IReadOnlyList<AoeBenchRunJson> Runs)
{
    /// <summary>The document for the runs.</summary>
    public static AoeBenchJson From(string iface, IReadOnlyList<BenchResult> runs) => new(JsonOutput.SchemaVersion, iface,
        [.. runs.Select(r => new AoeBenchRunJson(r.Mode.ToString().ToLowerInvariant(), r.Targets, r.Bytes, r.Seconds, r.Seconds > 0 ? r.Bytes / r.Seconds : null,
            r.Frames, r.Seconds > 0 ? r.FramesPerSecond : null, r.Retransmits, r.ClientDrops, r.Errors, r.BadSectors, r.Window, r.Payload,
            r.ClientCpuUsPerFrame, r.ServerCpuUsPerFrame))]);
}

/// <summary>One bench run; rates null when it took no measurable time; server CPU null without --server-pid.</summary>
public sealed record AoeBenchRunJson(string Mode, int Targets, long Bytes, double Seconds, double? BytesPerSecond, long Frames, double? FramesPerSecond,
    long Retransmits, long ClientDrops, long Errors, long BadSectors, int Window, int Payload, double ClientCpuUsPerFrame, double? ServerCpuUsPerFrame);

/// <summary>Renders the aoe reports.</summary>
public static class AoeReports
{
    /// <summary>"e0.1".</summary>
    public static string Target(ushort shelf, byte slot) => string.Create(CultureInfo.InvariantCulture, $"e{shelf}.{slot}");

    /// <summary>Exit code of "aoe status": 2 when an enabled export is not served (dead), else 0.</summary>
    public static int StatusExit(IReadOnlyList<ExportStatus> rows) => rows.Any(r => r.State == "dead") ? ExitCodes.Critical : ExitCodes.Ok;

    /// <summary>"aoe status" as text or JSON.</summary>
    public static string Status(IReadOnlyList<ExportStatus> rows, IReadOnlyList<ReceiveThreadCounters> threads, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(AoeStatusJson.From(rows, threads), AoeJsonContext.Reports.AoeStatusJson);
        var table = new TextTable("ALIAS", "STATE", "PID", "TARGET", "FILE", "SIZE", "IFACE", "CLIENTS", "FRAMES", "ERRORS");
        foreach (var r in rows)
            table.Add(r.Spec.Alias, r.State, Num(r.Pid), Target(r.Spec.Shelf, r.Spec.Slot), r.Spec.File,
                r.Counters is { } c ? Size(c.Sectors * 512) : "-", r.Spec.Interface,
                Num(r.Counters?.Clients), Num(r.Counters?.Frames), Num(r.Counters?.Errors));
        return threads.Count == 0 ? table.ToString() : table + "\n" + ReceiveThreadCounters.RenderText(threads);
    }

    /// <summary>"aoe list" as text or JSON.</summary>
    public static string List(AoeSettings settings, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(AoeListJson.From(settings), AoeJsonContext.Reports.AoeListJson);
        var table = new TextTable("ALIAS", "TARGET", "FILE", "IFACE", "ALLOW", "OPTIONS");
        foreach (var e in settings.Exports)
        {
            var opts = new List<string>();
            if (e.Store.ReadOnly) opts.Add("read-only");
            if (e.Store.Direct) opts.Add("direct");
            if (e.Store.Sync) opts.Add("sync");
            if (e.Store.Offset > 0 || e.Store.Length > 0) opts.Add(string.Create(CultureInfo.InvariantCulture, $"window {e.Store.Offset}+{e.Store.Length}"));
            opts.Add(string.Create(CultureInfo.InvariantCulture, $"buffers {e.Buffers}"));
            table.Add(e.Alias, Target(e.Shelf, e.Slot), e.File, e.Interface, e.Allow.Count == 0 ? "any" : string.Join(',', e.Allow), string.Join(' ', opts));
        }
        return table.ToString();
    }

    /// <summary>"aoe discover" as text or JSON.</summary>
    public static string Discover(string iface, IReadOnlyList<AoeTargetInfo> targets, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(AoeDiscoverJson.From(iface, targets), AoeJsonContext.Reports.AoeDiscoverJson);
        var table = new TextTable("TARGET", "MAC", "SIZE", "BUFFERS", "PAYLOAD", "MODEL", "CONFIG");
        foreach (var t in targets)
            table.Add(Target(t.Shelf, t.Slot), t.Mac.ToString(), Size(t.SizeBytes), t.Buffers, t.Payload, t.Model, t.ConfigString);
        return table.ToString();
    }

    /// <summary>"aoe bench" as text or JSON.</summary>
    public static string Bench(string iface, IReadOnlyList<BenchResult> runs, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(AoeBenchJson.From(iface, runs), AoeJsonContext.Reports.AoeBenchJson);
        var sb = new StringBuilder();
        foreach (var r in runs) sb.Append(r).Append('\n');
        return sb.ToString();
    }

    /// <summary>Human size.</summary>
    public static string Size(ulong bytes) => bytes switch
    {
        >= 1UL << 40 => FormattableString.Invariant($"{bytes / (double)(1UL << 40):F1}T"),
        >= 1UL << 30 => FormattableString.Invariant($"{bytes / (double)(1UL << 30):F1}G"),
        >= 1UL << 20 => FormattableString.Invariant($"{bytes / (double)(1UL << 20):F1}M"),
        _ => bytes.ToString(CultureInfo.InvariantCulture),
    };

    private static string Num<T>(T? value) where T : struct, IFormattable => value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "-";
}

/// <summary>Source-generated serializer for the aoe reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(AoeStatusJson))]
[JsonSerializable(typeof(AoeListJson))]
[JsonSerializable(typeof(AoeDiscoverJson))]
[JsonSerializable(typeof(AoeBenchJson))]
public sealed partial class AoeJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static AoeJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
