// An open-addressing table that maps 64-bit keys to dense ids 0..Count-1. It
// replaces Dictionary<long, int> on the per-event path: the generic dictionary ran
// in instrumented (profiling) JIT tiers for much of a run and cost ~3 % of CPU.
using System.Runtime.CompilerServices;

namespace OpsKit.IoWait.Summary;

/// <summary>Interns 64-bit keys to ids 0..Count-1.</summary>
internal sealed class LongKeyTable
{
    private long[] _keys = new long[64];
    private int[] _slots = new int[128]; // id + 1, 0 = empty

    /// <summary>Number of keys.</summary>
    public int Count { get; private set; }

    /// <summary>Key of id <paramref name="id"/>.</summary>
    public long Key(int id) => _keys[id];

    /// <summary>Returns the id of <paramref name="key"/>, adding it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(long key)
    {
        var mask = _slots.Length - 1;
        var i = Slot(key, mask);
        while (true)
        {
            var s = _slots[i];
            if (s == 0) break;
            if (_keys[s - 1] == key) return s - 1;
            i = (i + 1) & mask;
        }
        var id = Count++;
        if (id == _keys.Length) Array.Resize(ref _keys, id * 2);
        _keys[id] = key;
        _slots[i] = id + 1;
        if (Count * 2 > _slots.Length) Rehash();
        return id;
    }

    private static int Slot(long key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var i = Slot(_keys[id], mask);
            while (_slots[i] != 0) i = (i + 1) & mask;
            _slots[i] = id + 1;
        }
    }
}
