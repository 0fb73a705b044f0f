// Scans one large plain file on all cores: the file is cut at line boundaries,
// each part is read with positioned reads into its own aggregator, and the
// parts are merged. Counts are the same as a sequential scan (tested).
using Microsoft.Win32.SafeHandles;

namespace OpsKit.IoWait.Summary;

/// <summary>Parallel scan of a seekable file.</summary>
internal static class ParallelScan
{
    /// <summary>Scans [0, length) of <paramref name="handle"/> into <paramref name="total"/>.</summary>
    public static void Run(SafeFileHandle handle, long length, SummaryAggregator total, SummaryFilter filter, int year, CancellationToken ct)
    {
        var parts = Math.Min(Environment.ProcessorCount, 16);
        var cuts = new long[parts + 1];
        cuts[parts] = length;
        for (var i = 1; i < parts; i++) cuts[i] = NextLineStart(handle, Math.Max(cuts[i - 1], length * i / parts), length);
        var aggs = new SummaryAggregator[parts];
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var agg = aggs[i] = new SummaryAggregator(filter, year);
            var pos = cuts[i];
            var end = cuts[i + 1];
            LineSplitter.Feed((buf, off, count) =>
            {
                var want = (int)Math.Min(count, end - pos);
                if (want <= 0) return 0;
                var n = RandomAccess.Read(handle, buf.AsSpan(off, want), pos);
                pos += n;
                return n;
            }, agg, ct);
        });
        foreach (var agg in aggs) total.MergeFrom(agg);
    }

    /// <summary>The offset just after the first newline at or after <paramref name="from"/>.</summary>
    private static long NextLineStart(SafeFileHandle handle, long from, long length)
    {
        var buf = new byte[64 * 1024];
        var pos = from;
        while (pos < length)
        {
            var n = RandomAccess.Read(handle, buf, pos);
            if (n <= 0) break;
            var nl = buf.AsSpan(0, n).IndexOf((byte)'\n');
            if (nl >= 0) return pos + nl + 1;
            pos += n;
        }
        return length;
    }
}
