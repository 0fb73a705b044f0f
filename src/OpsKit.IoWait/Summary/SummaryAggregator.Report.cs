// Turns the aggregator's counters into a SummaryReport (runs once, after the scan).
using System.Buffers.Binary;
using System.Text;
using OpsKit.IoWait.BlockDump;

namespace OpsKit.IoWait.Summary;

/// <summary>Report building.</summary>
public sealed partial class SummaryAggregator
{
    /// <summary>Builds the report.</summary>
    public SummaryReport ToReport()
    {
        var names = new string[_procs.Count];
        var pids = new int[_procs.Count];
        for (var p = 0; p < names.Length; p++)
        {
            var key = _procs.Key(p);
            names[p] = Encoding.UTF8.GetString(key[..^4]);
            pids[p] = BinaryPrimitives.ReadInt32LittleEndian(key[^4..]);
        }
        var devNames = new string[_devs.Count];
        for (var d = 0; d < devNames.Length; d++) devNames[d] = Encoding.UTF8.GetString(_devs.Key(d));
        string DevName(int d) => d < 0 ? "" : devNames[d];
        string Label(int p) => pids[p] < 0 ? names[p] : $"{names[p]}({pids[p]})";

        var pairs = Enumerable.Range(0, _pairIndex.Count).Select(i => (Key: _pairIndex.Key(i), Index: i))
            .Select(kv => (Proc: (int)(kv.Key >> 32), Dev: (int)(kv.Key & 0xFFFFFFFF), Counts: _pairTally[kv.Index].ToCounts()))
            .OrderByDescending(x => x.Counts.Events).ThenBy(x => DevName(x.Dev), StringComparer.Ordinal).ToList();
        var devsOfProc = pairs.Where(x => x.Dev >= 0).ToLookup(x => x.Proc, x => DevName(x.Dev));

        var processes = Enumerable.Range(0, names.Length)
            .Select(p => new ProcessRow(names[p], pids[p] < 0 ? null : pids[p], _procTally[p].ToCounts(), devsOfProc[p].ToList()))
            .OrderByDescending(r => r.Counts.Events).ThenBy(r => r.Comm, StringComparer.Ordinal).ThenBy(r => r.Pid)
            .ToList();

        var commands = processes.GroupBy(r => r.Comm, StringComparer.Ordinal)
            .Select(g => new CommandRow(g.Key, g.Where(r => r.Pid is not null).Select(r => r.Pid!.Value).Order().ToList(),
                g.Aggregate(default(Counts), (a, r) => a + r.Counts),
                pairs.Where(x => x.Dev >= 0 && names[x.Proc] == g.Key).GroupBy(x => DevName(x.Dev))
                    .OrderByDescending(d => d.Sum(x => x.Counts.Events)).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key).ToList()))
            .OrderByDescending(r => r.Counts.Events).ThenBy(r => r.Comm, StringComparer.Ordinal).ToList();

        var devices = pairs.GroupBy(x => x.Dev)
            .Select(g => new DeviceRow(DevName(g.Key), g.Aggregate(default(Counts), (a, x) => a + x.Counts),
                Label(g.OrderByDescending(x => x.Counts.Events).ThenBy(x => names[x.Proc], StringComparer.Ordinal).First().Proc)))
            .OrderByDescending(r => r.Counts.Events).ThenBy(r => r.Device, StringComparer.Ordinal).ToList();

        var ops = Enum.GetValues<BlockOp>().Where(o => _ops[(int)o] > 0)
            .Select(o => new OpRow(o, _ops[(int)o], _opBytes[(int)o]))
            .OrderByDescending(r => r.Events).ThenBy(r => r.Op).ToList();

        var inodes = _inodes.Select(t => new InodeRow(DevName(t.Dev), t.Ino, t.Name, t.Count, t.Procs.Select(Label).ToList()))
            .OrderByDescending(r => r.Dirtied).ThenBy(r => r.Device, StringComparer.Ordinal).ThenBy(r => r.Inode).ToList();

        return new SummaryReport
        {
            Lines = Lines,
            Events = Events,
            Lookalikes = Lookalikes,
            OutsideWindow = OutsideWindow,
            Overlong = Overlong,
            Total = processes.Aggregate(default(Counts), (a, r) => a + r.Counts),
            Span = new TimeSpanInfo(
                _maxUp >= 0 ? _minUp / 1e6 : null, _maxUp >= 0 ? _maxUp / 1e6 : null,
                _maxWall != 0 ? new DateTime(_minWall) : null, _maxWall != 0 ? new DateTime(_maxWall) : null),
            Processes = processes,
            Commands = commands,
            Devices = devices,
            Ops = ops,
            Inodes = inodes,
        };
    }
}
