// The explanations "iowait top" owes its reader: which switch turns IO-wait
// figures on, what a non-root user cannot see, what is missing on this kernel.
namespace OpsKit.IoWait.Live;

/// <summary>Notes for a sample.</summary>
public static class TopNotes
{
    /// <summary>The notes that apply.</summary>
    public static IReadOnlyList<string> For(TopSample s)
    {
        var notes = new List<string>();
        if (s.TaskDelayAcct == 0)
            notes.Add("kernel.task_delayacct is 0, so IO-WAIT stays 0 %: enable it with 'sysctl -w kernel.task_delayacct=1' "
                + "(or boot with 'delayacct'); only processes started afterwards are counted. Ranking uses bytes meanwhile.");
        if (s.Hidden > 0)
            notes.Add($"/proc/<pid>/io of {s.Hidden} processes was not readable (other users' processes need root; zombies): "
                + "their bytes show as '?', their IO-WAIT (from the world-readable /proc/<pid>/stat) is shown.");
        if (s.PsiSomePercent is null)
            notes.Add("no /proc/pressure/io (kernel before 4.20, CONFIG_PSI off, or booted without psi=1): system-wide IO stall share unknown.");
        notes.Add("WRITE is charged when a page is dirtied (the writer, not the flusher); buffered data reaches the disk later. "
            + "A process that exits hands its counters to its parent (a shell or cron may look busy).");
        return notes;
    }
}
