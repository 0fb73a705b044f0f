// The plain-text summary: a header with totals, span and caveats, one aligned
// table keyed by --by, and notes (writeback threads, unknown sizes).
using System.Globalization;
using OpsKit.Core.Output;
using OpsKit.IoWait.BlockDump;

namespace OpsKit.IoWait.Summary;

/// <summary>Writes a <see cref="SummaryReport"/> as text.</summary>
public static class SummaryText
{
    /// <summary>Writes the report.</summary>
    /// <param name="r">The report.</param>
    /// <param name="by">Row kind.</param>
    /// <param name="top">Rows to print; 0 for all.</param>
    /// <param name="w">Destination.</param>
    public static void Write(SummaryReport r, SummaryBy by, int top, TextWriter w)
    {
        w.WriteLine(Header(r));
        if (r.Span.FirstUptime is { } fu && r.Span.LastUptime is { } lu)
            w.WriteLine(Inv($"span: uptime {fu:0.000000} .. {lu:0.000000} s ({lu - fu:0.###} s)"));
        if (r.Span.FirstWall is { } fw && r.Span.LastWall is { } lw)
            w.WriteLine(Inv($"span: {fw:yyyy-MM-dd HH:mm:ss} .. {lw:yyyy-MM-dd HH:mm:ss} ({(lw - fw).TotalSeconds:0.###} s)"));
        if (r.Events == 0)
        {
            w.WriteLine("no block_dump lines found (kernel 5.14+ has no block_dump; try 'opskit iowait top')");
            return;
        }
        w.WriteLine();
        var table = by switch
        {
            SummaryBy.Command => Commands(r, top),
            SummaryBy.Device => Devices(r, top),
            SummaryBy.Op => Ops(r),
            SummaryBy.Inode => Inodes(r, top),
            _ => Processes(r, top),
        };
        w.Write(table.ToString());
        foreach (var note in SummaryNotes.For(r)) w.WriteLine($"note: {note}");
    }

    private static string Header(SummaryReport r)
    {
        var parts = r.Ops.Select(o => $"{o.Events} {BlockOps.Label(o.Op)}");
        var other = r.Lines - r.Events - r.OutsideWindow;
        var head = $"{r.Lines} lines, {r.Events} block_dump events ({string.Join(", ", parts)}), {other} other lines";
        if (r.Lookalikes > 0) head += $" ({r.Lookalikes} look-alikes mentioning READ/WRITE/dirtied, not counted)";
        if (r.OutsideWindow > 0) head += $", {r.OutsideWindow} block_dump lines outside --since/--until";
        if (r.Overlong > 0) head += $", {r.Overlong} over-long lines skipped";
        return head;
    }

    private static TextTable Processes(SummaryReport r, int top)
    {
        var t = new TextTable("PROCESS", "EVENTS", "SHARE", "READS", "WRITES", "DIRTIED", "BYTES", "DEVICES").AlignRight(1, 2, 3, 4, 5, 6);
        foreach (var p in Take(r.Processes, top))
            t.Add(p.Label, p.Counts.Events, Pct(r, p.Counts.Events), p.Counts.Reads, p.Counts.Writes, p.Counts.Dirtied, Bytes(p.Counts), string.Join(',', p.Devices));
        return t;
    }

    private static TextTable Commands(SummaryReport r, int top)
    {
        var t = new TextTable("COMMAND", "PIDS", "EVENTS", "SHARE", "READS", "WRITES", "DIRTIED", "BYTES", "DEVICES").AlignRight(2, 3, 4, 5, 6, 7);
        foreach (var c in Take(r.Commands, top))
            t.Add(c.Comm, Pids(c.Pids), c.Counts.Events, Pct(r, c.Counts.Events), c.Counts.Reads, c.Counts.Writes, c.Counts.Dirtied, Bytes(c.Counts), string.Join(',', c.Devices));
        return t;
    }

    private static TextTable Devices(SummaryReport r, int top)
    {
        var t = new TextTable("DEVICE", "EVENTS", "SHARE", "READS", "WRITES", "DIRTIED", "BYTES", "TOP PROCESS").AlignRight(1, 2, 3, 4, 5, 6);
        foreach (var d in Take(r.Devices, top))
            t.Add(d.Device.Length == 0 ? "-" : d.Device, d.Counts.Events, Pct(r, d.Counts.Events), d.Counts.Reads, d.Counts.Writes, d.Counts.Dirtied, Bytes(d.Counts), d.TopProcess);
        return t;
    }

    private static TextTable Ops(SummaryReport r)
    {
        var t = new TextTable("OP", "EVENTS", "SHARE", "BYTES").AlignRight(1, 2, 3);
        foreach (var o in r.Ops)
            t.Add(BlockOps.Label(o.Op), o.Events, Pct(r, o.Events), o.Bytes > 0 ? ByteSize.Format(o.Bytes) : "-");
        return t;
    }

    private static TextTable Inodes(SummaryReport r, int top)
    {
        var t = new TextTable("DEVICE", "INODE", "NAME", "DIRTIED", "PROCESSES").AlignRight(1, 3);
        foreach (var i in Take(r.Inodes, top)) t.Add(i.Device, i.Inode, i.Name, i.Dirtied, string.Join(',', i.Processes));
        return t;
    }

    private static IEnumerable<T> Take<T>(IReadOnlyList<T> rows, int top) => top > 0 ? rows.Take(top) : rows;

    private static string Pct(SummaryReport r, long events) => Inv($"{r.Share(events):0.0}%");

    private static string Bytes(Counts c) =>
        c.Bytes > 0 ? ByteSize.Format(c.Bytes) + (c.SizeUnknown > 0 ? "+?" : "") : c.SizeUnknown > 0 ? "?" : "-";

    private static string Pids(IReadOnlyList<int> pids) =>
        pids.Count == 0 ? "-" : pids.Count <= 4 ? string.Join(',', pids) : $"{string.Join(',', pids.Take(3))},+{pids.Count - 3}";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
