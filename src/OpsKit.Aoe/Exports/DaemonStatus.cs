// The daemon's status file: per export counters as JSON, written atomically, read by "opskit aoe status".
using System.Text.Json;
using System.Text.Json.Nodes;
using OpsKit.Aoe.Target;

namespace OpsKit.Aoe.Exports;

/// <summary>Counters of one served export as the status file records them.</summary>
/// <param name="Alias">Alias.</param>
/// <param name="Address">shelf.slot.</param>
/// <param name="File">Image.</param>
/// <param name="Interface">Interface.</param>
/// <param name="Sectors">Size in sectors.</param>
/// <param name="Clients">Distinct client MACs seen.</param>
/// <param name="Frames">Requests answered.</param>
/// <param name="Errors">Answers carrying an error.</param>
/// <param name="Dropped">Requests dropped (mask, allow list, full queue, test mismatch).</param>
public sealed record ExportCounters(string Alias, string Address, string File, string Interface, ulong Sectors,
    int Clients, long Frames, long Errors, long Dropped);

/// <summary>Counters of one receive thread of the built-in target (one per interface and thread).</summary>
/// <param name="Interface">Interface.</param>
/// <param name="Thread">Thread number in the interface's fanout group (0 when it is the only one).</param>
/// <param name="Received">Frames taken from its receive ring.</param>
/// <param name="Answered">Requests it answered on the spot (cached reads, non-blocking writes).</param>
/// <param name="Queued">Requests it handed to export workers (IDENTIFY, config, I/O that would block).</param>
/// <param name="Ignored">Frames not for us (responses, other addresses, unknown shelf.slot).</param>
/// <param name="KernelDrops">Requests the kernel dropped because its ring was full.</param>
public sealed record ReceiveThreadCounters(string Interface, int Thread, long Received, long Answered, long Queued, long Ignored, long KernelDrops)
{
    /// <summary>The text table of <c>aoe status</c>: one row per interface and thread.</summary>
    public static string RenderText(IReadOnlyList<ReceiveThreadCounters> threads)
    {
        var table = new Core.Output.TextTable("IFACE", "THREAD", "RECEIVED", "ANSWERED", "QUEUED", "IGNORED", "DROPS");
        foreach (var t in threads)
            table.Add(t.Interface, Invariant(t.Thread), Invariant(t.Received), Invariant(t.Answered), Invariant(t.Queued), Invariant(t.Ignored), Invariant(t.KernelDrops));
        return table.ToString();
    }

    private static string Invariant(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reads and writes the status file.</summary>
public static class DaemonStatus
{
    /// <summary>Writes the counters of every running export.</summary>
    public static void Write(string path, AoeTarget target, DateTimeOffset started)
    {
        var exports = new JsonArray();
        foreach (var w in target.Workers)
        {
            var h = w.Handler;
            exports.Add((JsonNode)new JsonObject
            {
                ["alias"] = w.Spec.Alias, ["address"] = w.Spec.Address, ["file"] = w.Spec.File, ["interface"] = w.Spec.Interface,
                ["sectors"] = h.Sectors, ["clients"] = h.ClientsSeen, ["frames"] = h.Answered, ["errors"] = h.Errors,
                ["dropped"] = h.Dropped + w.Overflow + w.Refused,
            });
        }
        var threads = new JsonArray();
        foreach (var p in target.Ports)
            foreach (var t in p.Threads)
                threads.Add((JsonNode)new JsonObject
                {
                    ["interface"] = p.Interface.Name, ["thread"] = t.Index, ["received"] = t.Received, ["answered"] = t.Answered,
                    ["queued"] = t.Queued, ["ignored"] = t.Ignored, ["kernel_drops"] = t.KernelDrops,
                });
        var doc = new JsonObject { ["pid"] = Environment.ProcessId, ["started"] = started.ToString("O"), ["exports"] = exports, ["receive_threads"] = threads };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + ".tmp";
        System.IO.File.WriteAllText(tmp, doc.ToJsonString());
        System.IO.File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Reads the status file; empty when it is missing or unreadable (the daemon rewrites it every second).</summary>
    public static IReadOnlyDictionary<string, ExportCounters> Read(string path)
    {
        var result = new Dictionary<string, ExportCounters>();
        JsonNode? doc;
        try { doc = JsonNode.Parse(System.IO.File.ReadAllText(path)); }
        catch (Exception e) when (e is IOException or JsonException) { return result; }
        if (doc?["exports"] is not JsonArray exports) return result;
        foreach (var e in exports.OfType<JsonObject>())
        {
            if (e["alias"]?.GetValue<string>() is not { } alias) continue;
            result[alias] = new ExportCounters(alias, Str(e, "address"), Str(e, "file"), Str(e, "interface"),
                Num(e, "sectors"), (int)Num(e, "clients"), (long)Num(e, "frames"), (long)Num(e, "errors"), (long)Num(e, "dropped"));
        }
        return result;
    }

    /// <summary>The receive threads' counters from the status file; empty when it is missing or unreadable.</summary>
    public static IReadOnlyList<ReceiveThreadCounters> ReadThreads(string path)
    {
        JsonNode? doc;
        try { doc = JsonNode.Parse(System.IO.File.ReadAllText(path)); }
        catch (Exception e) when (e is IOException or JsonException) { return []; }
        if (doc?["receive_threads"] is not JsonArray threads) return [];
        return [.. threads.OfType<JsonObject>().Select(t => new ReceiveThreadCounters(Str(t, "interface"), (int)Num(t, "thread"),
            (long)Num(t, "received"), (long)Num(t, "answered"), (long)Num(t, "queued"), (long)Num(t, "ignored"), (long)Num(t, "kernel_drops")))];
    }

    private static string Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static ulong Num(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<ulong>(out var n) ? n : 0;
}
