// The --json summary: totals, span, and every table (processes sorted by events,
// most first), with raw numbers (bytes, not KiB) for scripts.
using System.Text.Json.Nodes;
using OpsKit.IoWait.BlockDump;

namespace OpsKit.IoWait.Summary;

/// <summary>Builds the JSON form of a <see cref="SummaryReport"/>.</summary>
public static class SummaryJson
{
    /// <summary>The JSON object; <paramref name="top"/> limits every list (0 = all).</summary>
    public static JsonObject Build(SummaryReport r, int top)
    {
        var o = new JsonObject
        {
            ["lines"] = r.Lines,
            ["events"] = r.Events,
            ["lookalikes"] = r.Lookalikes,
            ["outside_window"] = r.OutsideWindow,
            ["overlong"] = r.Overlong,
        };
        AddCounts(o, r.Total);
        o["span"] = new JsonObject
        {
            ["first_uptime"] = r.Span.FirstUptime,
            ["last_uptime"] = r.Span.LastUptime,
            ["first_time"] = r.Span.FirstWall?.ToString("yyyy-MM-ddTHH:mm:ss.ffffff"),
            ["last_time"] = r.Span.LastWall?.ToString("yyyy-MM-ddTHH:mm:ss.ffffff"),
        };
        o["processes"] = List(r.Processes, top, p => Row(r, p.Counts, new JsonObject { ["comm"] = p.Comm, ["pid"] = p.Pid }, p.Devices));
        o["commands"] = List(r.Commands, top, c => Row(r, c.Counts,
            new JsonObject { ["comm"] = c.Comm, ["pids"] = new JsonArray(c.Pids.Select(x => (JsonNode?)x).ToArray()) }, c.Devices));
        o["devices"] = List(r.Devices, top, d => Row(r, d.Counts, new JsonObject { ["device"] = d.Device, ["top_process"] = d.TopProcess }, null));
        o["ops"] = List(r.Ops, 0, x => new JsonObject { ["op"] = BlockOps.Label(x.Op), ["events"] = x.Events, ["bytes"] = x.Bytes });
        o["inodes"] = List(r.Inodes, top, i => new JsonObject
        {
            ["device"] = i.Device,
            ["inode"] = i.Inode,
            ["name"] = i.Name,
            ["dirtied"] = i.Dirtied,
            ["processes"] = Strings(i.Processes),
        });
        o["notes"] = Strings(SummaryNotes.For(r));
        return o;
    }

    private static JsonObject Row(SummaryReport r, Counts c, JsonObject head, IReadOnlyList<string>? devices)
    {
        head["events"] = c.Events;
        head["share"] = Math.Round(r.Share(c.Events), 2);
        AddCounts(head, c);
        if (devices is not null) head["devices"] = Strings(devices);
        return head;
    }

    private static void AddCounts(JsonObject o, Counts c)
    {
        o["reads"] = c.Reads;
        o["writes"] = c.Writes;
        o["dirtied"] = c.Dirtied;
        o["bytes"] = c.Bytes;
        o["size_unknown"] = c.SizeUnknown;
    }

    private static JsonArray List<T>(IReadOnlyList<T> rows, int top, Func<T, JsonNode> f) =>
        new((top > 0 ? rows.Take(top) : rows).Select(x => (JsonNode?)f(x)).ToArray());

    private static JsonArray Strings(IEnumerable<string> s) => new(s.Select(x => (JsonNode?)x).ToArray());
}
