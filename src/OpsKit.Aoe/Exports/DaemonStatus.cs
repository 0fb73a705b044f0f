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
            exports.Add(new JsonObject
            {
                ["alias"] = w.Spec.Alias, ["address"] = w.Spec.Address, ["file"] = w.Spec.File, ["interface"] = w.Spec.Interface,
                ["sectors"] = h.Sectors, ["clients"] = h.ClientsSeen, ["frames"] = h.Answered, ["errors"] = h.Errors,
                ["dropped"] = h.Dropped + w.Overflow + w.Refused,
            });
        }
        var doc = new JsonObject { ["pid"] = Environment.ProcessId, ["started"] = started.ToString("O"), ["exports"] = exports };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + ".tmp";
        System.IO.File.WriteAllText(tmp, doc.ToJsonString());
        System.IO.File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Reads the status file; empty when it is missing or unreadable.</summary>
    public static IReadOnlyDictionary<string, ExportCounters> Read(string path)
    {
        try
        {
            var doc = JsonNode.Parse(System.IO.File.ReadAllText(path));
            return (doc?["exports"]?.AsArray() ?? []).OfType<JsonObject>()
                .Select(e => new ExportCounters((string)e["alias"]!, (string)e["address"]!, (string)e["file"]!, (string)e["interface"]!,
                    (ulong)e["sectors"]!, (int)e["clients"]!, (long)e["frames"]!, (long)e["errors"]!, (long)e["dropped"]!))
                .ToDictionary(c => c.Alias);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or NullReferenceException)
        {
            return new Dictionary<string, ExportCounters>();
        }
    }
}
