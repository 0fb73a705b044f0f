// The JSON shapes of the iowait reports (docs/json.md, docs/schemas/iowait-*.schema.json): records built from the
// reports and serialized by the source-generated context. Raw numbers (bytes, not KiB); a byte count no event
// gave a size for is null (the text's "?"), never 0.
using System.Globalization;
using System.Text.Json.Serialization;
using OpsKit.Core.Output;
using OpsKit.IoWait.BlockDump;
using OpsKit.IoWait.Live;
using OpsKit.IoWait.Summary;

namespace OpsKit.IoWait;

/// <summary>"iowait summary --json" and "iowait capture --json".</summary>
public sealed record IoWaitSummaryJson(int SchemaVersion, long Lines, long Events, long Lookalikes, long OutsideWindow, long Overlong,
    long Reads, long Writes, long Dirtied, long? Bytes, long SizeUnknown, IoWaitSpanJson Span,
    IReadOnlyList<IoWaitProcessJson> Processes, IReadOnlyList<IoWaitCommandJson> Commands, IReadOnlyList<IoWaitDeviceJson> Devices,
    IReadOnlyList<IoWaitOpJson> Ops, IReadOnlyList<IoWaitInodeJson> Inodes, IReadOnlyList<string> Notes)
{
    /// <summary>The document; <paramref name="top"/> limits every list but ops (0 = all).</summary>
    public static IoWaitSummaryJson From(SummaryReport r, int top)
    {
        IEnumerable<T> Top<T>(IReadOnlyList<T> rows) => top > 0 ? rows.Take(top) : rows;
        double Share(Counts c) => Math.Round(r.Share(c.Events), 2);
        return new(JsonOutput.SchemaVersion, r.Lines, r.Events, r.Lookalikes, r.OutsideWindow, r.Overlong,
            r.Total.Reads, r.Total.Writes, r.Total.Dirtied, KnownBytes(r.Total), r.Total.SizeUnknown,
            new IoWaitSpanJson(r.Span.FirstUptime, r.Span.LastUptime, Wall(r.Span.FirstWall), Wall(r.Span.LastWall)),
            [.. Top(r.Processes).Select(p => new IoWaitProcessJson(p.Comm, p.Pid, p.Counts.Events, Share(p.Counts), p.Counts.Reads, p.Counts.Writes,
                p.Counts.Dirtied, KnownBytes(p.Counts), p.Counts.SizeUnknown, p.Devices))],
            [.. Top(r.Commands).Select(c => new IoWaitCommandJson(c.Comm, c.Pids, c.Counts.Events, Share(c.Counts), c.Counts.Reads, c.Counts.Writes,
                c.Counts.Dirtied, KnownBytes(c.Counts), c.Counts.SizeUnknown, c.Devices))],
            [.. Top(r.Devices).Select(d => new IoWaitDeviceJson(d.Device, d.TopProcess, d.Counts.Events, Share(d.Counts), d.Counts.Reads, d.Counts.Writes,
                d.Counts.Dirtied, KnownBytes(d.Counts), d.Counts.SizeUnknown))],
            [.. r.Ops.Select(x => new IoWaitOpJson(BlockOps.Label(x.Op), x.Events, x.Bytes))],
            [.. Top(r.Inodes).Select(i => new IoWaitInodeJson(i.Device, i.Inode, i.Name, i.Dirtied, i.Processes))],
            [.. SummaryNotes.For(r)]);
    }

    // Text prints "?" when no event of the row had a size, "N+?" when some had: JSON says null, or N with size_unknown > 0.
    private static long? KnownBytes(Counts c) => c.Bytes == 0 && c.SizeUnknown > 0 ? null : c.Bytes;

    private static string? Wall(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}

/// <summary>First and last event: kernel uptime seconds, and wall time (local, no zone) when the log had it.</summary>
public sealed record IoWaitSpanJson(double? FirstUptime, double? LastUptime, string? FirstTime, string? LastTime);

/// <summary>One process (comm and pid; pid null for kernel threads folded by name).</summary>
public sealed record IoWaitProcessJson(string Comm, int? Pid, long Events, double Share, long Reads, long Writes, long Dirtied, long? Bytes,
    long SizeUnknown, IReadOnlyList<string> Devices);

/// <summary>One command name with all its pids.</summary>
public sealed record IoWaitCommandJson(string Comm, IReadOnlyList<int> Pids, long Events, double Share, long Reads, long Writes, long Dirtied,
    long? Bytes, long SizeUnknown, IReadOnlyList<string> Devices);

/// <summary>One device.</summary>
public sealed record IoWaitDeviceJson(string Device, string TopProcess, long Events, double Share, long Reads, long Writes, long Dirtied,
    long? Bytes, long SizeUnknown);

/// <summary>Events by operation.</summary>
public sealed record IoWaitOpJson(string Op, long Events, long Bytes);

/// <summary>One dirtied inode.</summary>
public sealed record IoWaitInodeJson(string Device, ulong Inode, string Name, long Dirtied, IReadOnlyList<string> Processes);

/// <summary>"iowait top --json": the samples taken.</summary>
public sealed record IoWaitTopJson(int SchemaVersion, double IntervalSeconds, IReadOnlyList<IoWaitSampleJson> Samples);

/// <summary>One interval; a null rate or PSI value was not readable (no permission, no PSI), never 0.</summary>
public sealed record IoWaitSampleJson(double Seconds, double? PsiSomePercent, double? PsiFullPercent, int? TaskDelayacct, int ProcessesSeen,
    int Hidden, IReadOnlyList<IoWaitDiskJson> Disks, IReadOnlyList<IoWaitTopProcessJson> Processes, IReadOnlyList<string> Notes)
{
    /// <summary>The sample; <paramref name="top"/> limits the processes (0 = all).</summary>
    public static IoWaitSampleJson From(TopSample s, int top, UserNames users) => new(Math.Round(s.Seconds, 3), Round(s.PsiSomePercent),
        Round(s.PsiFullPercent), s.TaskDelayAcct, s.Processes, s.Hidden,
        [.. s.Disks.Select(d => new IoWaitDiskJson(d.Name, Math.Round(d.ReadBytesPerSec), Math.Round(d.WriteBytesPerSec), Math.Round(d.UtilPercent, 1)))],
        [.. (top > 0 ? s.Rows.Take(top) : s.Rows).Select(r => new IoWaitTopProcessJson(r.Pid, r.Comm, r.Uid < 0 ? null : users.Name(r.Uid),
            Math.Round(r.IoWaitPercent, 1), Round(r.ReadBytesPerSec, 0), Round(r.WriteBytesPerSec, 0), Round(r.CancelledBytesPerSec, 0)))],
        [.. TopNotes.For(s)]);

    private static double? Round(double? v, int digits = 1) => v is { } x ? Math.Round(x, digits) : null;
}

/// <summary>One disk's throughput and utilisation.</summary>
public sealed record IoWaitDiskJson(string Name, double ReadBytesPerSec, double WriteBytesPerSec, double UtilPercent);

/// <summary>One process's I/O wait and rates; user null when the owner is unknown.</summary>
public sealed record IoWaitTopProcessJson(int Pid, string Comm, string? User, double IoWaitPercent, double? ReadBytesPerSec,
    double? WriteBytesPerSec, double? CancelledBytesPerSec);

/// <summary>Source-generated serializer for the iowait reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(IoWaitSummaryJson))]
[JsonSerializable(typeof(IoWaitTopJson))]
public sealed partial class IoWaitJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static IoWaitJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
