// Counts block_dump events per process (comm + pid), per process and device, and
// per dirtied inode. Fed one line at a time; holds only per-key counters, so its
// memory depends on how many processes/devices/inodes appear, not on input size.
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using OpsKit.IoWait.BlockDump;

namespace OpsKit.IoWait.Summary;

/// <summary>Streaming aggregation of block_dump lines.</summary>
public sealed partial class SummaryAggregator
{
    private readonly SummaryFilter _filter;
    private readonly bool _filterActive; // read once: the property getter was not inlined into the hot loop
    private readonly int _year;
    private readonly ByteKeyTable _procs = new();
    private readonly ByteKeyTable _devs = new();
    private Tally[] _procTally = new Tally[64];
    private readonly LongKeyTable _pairIndex = new();
    private Tally[] _pairTally = new Tally[64];
    // (dev id, inode) as 12 key bytes -> index into _inodes: Dictionary<(int, ulong), T>
    // ran in instrumented JIT tiers for much of a run (generic over a value tuple).
    private readonly ByteKeyTable _inodeIds = new();
    private readonly List<InodeTally> _inodes = [];
    private readonly long[] _ops = new long[BlockOps.Count];
    private readonly long[] _opBytes = new long[BlockOps.Count];
    private long _lastPairKey = -1;
    private int _lastPair;

    /// <summary>Creates an aggregator.</summary>
    /// <param name="filter">Time window.</param>
    /// <param name="year">Year assumed for syslog stamps that carry none.</param>
    public SummaryAggregator(SummaryFilter filter, int year)
    {
        _filter = filter;
        _filterActive = filter.Active;
        _year = year;
    }

    /// <summary>Lines read.</summary>
    public long Lines { get; internal set; }

    /// <summary>block_dump events counted.</summary>
    public long Events { get; private set; }

    /// <summary>Other lines that mention READ, WRITE or dirtied (what the old block_dump one-liner's first egrep also counted).</summary>
    public long Lookalikes { get; private set; }

    /// <summary>block_dump lines outside --since/--until.</summary>
    public long OutsideWindow { get; private set; }

    /// <summary>Lines longer than the reader's limit, skipped.</summary>
    public long Overlong { get; internal set; }

    private long _minUp = long.MaxValue, _maxUp = -1, _minWall = long.MaxValue, _maxWall;

    /// <summary>Counts one line (without its newline).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddLine(ReadOnlySpan<byte> line)
    {
        Lines++;
        if (BlockDumpParser.TryParse(line, _year, out var rec))
        {
            if (_filterActive && !_filter.Contains(rec.UptimeMicros, rec.WallTicks)) OutsideWindow++;
            else Add(ref rec);
        }
        else if (Bytes.IndexOf(line, "READ"u8) >= 0 || Bytes.IndexOf(line, "WRITE"u8) >= 0 || Bytes.IndexOf(line, "dirtied"u8) >= 0)
        {
            Lookalikes++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(ref BlockDumpRecord rec)
    {
        Events++;
        _ops[(int)rec.Op]++;
        if (rec.Sectors > 0) _opBytes[(int)rec.Op] += rec.Sectors * 512;
        if (rec.UptimeMicros >= 0)
        {
            if (rec.UptimeMicros < _minUp) _minUp = rec.UptimeMicros;
            if (rec.UptimeMicros > _maxUp) _maxUp = rec.UptimeMicros;
        }
        if (rec.WallTicks != 0)
        {
            if (rec.WallTicks < _minWall) _minWall = rec.WallTicks;
            if (rec.WallTicks > _maxWall) _maxWall = rec.WallTicks;
        }
        Span<byte> key = stackalloc byte[BlockDumpParser.MaxCommBytes + 4];
        rec.Comm.CopyTo(key);
        BinaryPrimitives.WriteInt32LittleEndian(key[rec.Comm.Length..], rec.Pid);
        var proc = _procs.GetOrAdd(key[..(rec.Comm.Length + 4)]);
        if (proc == _procTally.Length) Array.Resize(ref _procTally, proc * 2);
        var dev = rec.Device.Length == 0 ? -1 : _devs.GetOrAdd(rec.Device);
        Count(ref _procTally[proc], ref rec);
        var pair = Pair(proc, dev); // may grow _pairTally: index first, then take the ref
        Count(ref _pairTally[pair], ref rec);
        if (rec.Op == BlockOp.DirtiedInode) AddInode(dev, ref rec, proc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Count(ref Tally t, ref BlockDumpRecord rec)
    {
        switch (rec.Op)
        {
            case BlockOp.Read or BlockOp.ReadAhead: t.Reads++; break;
            case BlockOp.Write or BlockOp.SyncWrite: t.Writes++; break;
            default: t.Dirtied++; return;
        }
        if (rec.Sectors >= 0) t.Bytes += rec.Sectors * 512;
        else t.SizeUnknown++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Pair(int proc, int dev)
    {
        var key = ((long)proc << 32) | (uint)dev;
        if (key == _lastPairKey) return _lastPair;
        var index = _pairIndex.GetOrAdd(key);
        if (index == _pairTally.Length) Array.Resize(ref _pairTally, index * 2);
        _lastPairKey = key;
        _lastPair = index;
        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddInode(int dev, ref BlockDumpRecord rec, int proc)
    {
        var t = Inode(dev, rec.Inode, rec.InodeName, null);
        t.Count++;
        if (!t.Procs.Contains(proc)) t.Procs.Add(proc);
    }

    /// <summary>Adds another aggregator's counts (parallel scans merge their parts).</summary>
    public void MergeFrom(SummaryAggregator other)
    {
        Lines += other.Lines;
        Events += other.Events;
        Lookalikes += other.Lookalikes;
        OutsideWindow += other.OutsideWindow;
        Overlong += other.Overlong;
        for (var i = 0; i < _ops.Length; i++)
        {
            _ops[i] += other._ops[i];
            _opBytes[i] += other._opBytes[i];
        }
        _minUp = Math.Min(_minUp, other._minUp);
        _maxUp = Math.Max(_maxUp, other._maxUp);
        _minWall = Math.Min(_minWall, other._minWall);
        _maxWall = Math.Max(_maxWall, other._maxWall);
        var procMap = new int[other._procs.Count];
        for (var p = 0; p < procMap.Length; p++)
        {
            var id = procMap[p] = _procs.GetOrAdd(other._procs.Key(p));
            if (id == _procTally.Length) Array.Resize(ref _procTally, id * 2);
            _procTally[id].Add(in other._procTally[p]);
        }
        var devMap = new int[other._devs.Count];
        for (var d = 0; d < devMap.Length; d++) devMap[d] = _devs.GetOrAdd(other._devs.Key(d));
        for (var index = 0; index < other._pairIndex.Count; index++)
        {
            var key = other._pairIndex.Key(index);
            var od = (int)(key & 0xFFFFFFFF);
            var pair = Pair(procMap[(int)(key >> 32)], od < 0 ? -1 : devMap[od]);
            _pairTally[pair].Add(in other._pairTally[index]);
        }
        foreach (var t in other._inodes)
        {
            var mine = Inode(t.Dev < 0 ? -1 : devMap[t.Dev], t.Ino, default, t.Name);
            mine.Count += t.Count;
            foreach (var p in t.Procs) if (!mine.Procs.Contains(procMap[p])) mine.Procs.Add(procMap[p]);
        }
    }

    /// <summary>The tally of (dev, ino), created with the name (given as text or as bytes) when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private InodeTally Inode(int dev, ulong ino, ReadOnlySpan<byte> nameBytes, string? name)
    {
        Span<byte> key = stackalloc byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(key, dev);
        BinaryPrimitives.WriteUInt64LittleEndian(key[4..], ino);
        var id = _inodeIds.GetOrAdd(key);
        if (id < _inodes.Count) return _inodes[id];
        var t = new InodeTally(dev, ino, name ?? System.Text.Encoding.UTF8.GetString(nameBytes));
        _inodes.Add(t);
        return t;
    }

    private sealed class InodeTally(int dev, ulong ino, string name)
    {
        public int Dev { get; } = dev;
        public ulong Ino { get; } = ino;
        public string Name { get; } = name;
        public long Count { get; set; }
        public List<int> Procs { get; } = [];
    }
}
