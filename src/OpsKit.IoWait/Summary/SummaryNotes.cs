// The caveats a reader of a block_dump summary needs, derived from the data.
namespace OpsKit.IoWait.Summary;

/// <summary>Notes printed under the text table and listed in JSON.</summary>
public static class SummaryNotes
{
    /// <summary>The notes that apply to <paramref name="r"/>.</summary>
    public static IReadOnlyList<string> For(SummaryReport r)
    {
        var notes = new List<string>();
        var threads = r.Commands.Where(c => c.Counts.Writes > 0 && KernelThreads.CarriesBufferedWrites(c.Comm)).Select(c => c.Comm).Take(4).ToList();
        if (threads.Count > 0)
            notes.Add($"{string.Join(", ", threads)}: writeback/journal threads submit other processes' buffered writes; "
                + "'--by inode' shows who dirtied which files.");
        if (r.Total.SizeUnknown > 0)
            notes.Add($"{r.Total.SizeUnknown} READ/WRITE lines carry no size (kernels before ~2.6.37 print no \"(N sectors)\"): "
                + "'?' marks counts of requests of unknown size.");
        if (r.Processes.Any(p => p.Pid is null))
            notes.Add("2.4-era lines print no pid: processes of one name are merged.");
        var loggers = r.Commands.Where(c => c.Comm is "klogd" or "syslogd" or "rsyslogd" or "systemd-journal").Select(c => c.Comm).ToList();
        if (loggers.Count > 0)
            notes.Add($"{string.Join(", ", loggers)} IO is partly caused by logging the block_dump lines themselves.");
        return notes;
    }
}
