// Text form of one "iowait top" interval, columns like iotop -o / pidstat -d.
using System.Globalization;
using OpsKit.Core.Output;
using OpsKit.IoWait.Summary;

namespace OpsKit.IoWait.Live;

/// <summary>Writes a <see cref="TopSample"/> as text.</summary>
public static class TopText
{
    /// <summary>Writes the sample; notes only when <paramref name="showNotes"/>.</summary>
    public static void Write(TopSample s, int top, UserNames users, TextWriter w, bool showNotes)
    {
        var psi = s.PsiSomePercent is { } some ? Inv($"IO pressure: some {some:0.0}%, full {s.PsiFullPercent:0.0}%") : "IO pressure: n/a";
        w.WriteLine(Inv($"--- {s.Seconds:0.00} s, {s.Processes} processes, {s.Rows.Count} doing IO; {psi}"));
        if (s.Disks.Count > 0)
        {
            var d = new TextTable("DISK", "READ/s", "WRITE/s", "UTIL").AlignRight(1, 2, 3);
            foreach (var x in s.Disks) d.Add(x.Name, ByteSize.Format(x.ReadBytesPerSec), ByteSize.Format(x.WriteBytesPerSec), Inv($"{x.UtilPercent:0.0}%"));
            w.Write(d.ToString());
        }
        var t = new TextTable("PID", "USER", "IO-WAIT", "READ/s", "WRITE/s", "CANCEL/s", "COMMAND").AlignRight(0, 2, 3, 4, 5);
        foreach (var r in top > 0 ? s.Rows.Take(top) : s.Rows)
            t.Add(r.Pid, users.Name(r.Uid), Inv($"{r.IoWaitPercent:0.0}%"), Rate(r.ReadBytesPerSec), Rate(r.WriteBytesPerSec), Rate(r.CancelledBytesPerSec), r.Comm);
        w.Write(t.ToString());
        if (!showNotes) return;
        foreach (var n in TopNotes.For(s)) w.WriteLine($"note: {n}");
    }

    private static string Rate(double? v) => v is { } x ? ByteSize.Format(x) : "?";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
