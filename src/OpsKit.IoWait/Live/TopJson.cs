// JSON form of one "iowait top" interval (bytes per second as plain numbers).
using System.Text.Json.Nodes;

namespace OpsKit.IoWait.Live;

/// <summary>Builds JSON for a <see cref="TopSample"/>.</summary>
public static class TopJson
{
    /// <summary>The sample as an object.</summary>
    public static JsonObject Sample(TopSample s, int top, UserNames users) => new()
    {
        ["seconds"] = Math.Round(s.Seconds, 3),
        ["psi_some_percent"] = Round(s.PsiSomePercent),
        ["psi_full_percent"] = Round(s.PsiFullPercent),
        ["task_delayacct"] = s.TaskDelayAcct,
        ["processes_seen"] = s.Processes,
        ["hidden"] = s.Hidden,
        ["disks"] = new JsonArray(s.Disks.Select(d => (JsonNode?)new JsonObject
        {
            ["name"] = d.Name,
            ["read_bytes_per_sec"] = Math.Round(d.ReadBytesPerSec),
            ["write_bytes_per_sec"] = Math.Round(d.WriteBytesPerSec),
            ["util_percent"] = Math.Round(d.UtilPercent, 1),
        }).ToArray()),
        ["processes"] = new JsonArray((top > 0 ? s.Rows.Take(top) : s.Rows).Select(r => (JsonNode?)new JsonObject
        {
            ["pid"] = r.Pid,
            ["comm"] = r.Comm,
            ["user"] = users.Name(r.Uid),
            ["io_wait_percent"] = Math.Round(r.IoWaitPercent, 1),
            ["read_bytes_per_sec"] = Round(r.ReadBytesPerSec, 0),
            ["write_bytes_per_sec"] = Round(r.WriteBytesPerSec, 0),
            ["cancelled_bytes_per_sec"] = Round(r.CancelledBytesPerSec, 0),
        }).ToArray()),
        ["notes"] = new JsonArray(TopNotes.For(s).Select(n => (JsonNode?)n).ToArray()),
    };

    private static double? Round(double? v, int digits = 1) => v is { } x ? Math.Round(x, digits) : null;
}
