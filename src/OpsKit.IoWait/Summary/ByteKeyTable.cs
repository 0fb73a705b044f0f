// An open-addressing table that interns short byte strings to dense ids. It
// copies a key only the first time it is seen, so counting millions of lines
// allocates nothing per line; memory grows with distinct keys, not with input.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OpsKit.IoWait.Summary;

/// <summary>Interns byte keys to ids 0..Count-1.</summary>
internal sealed class ByteKeyTable
{
    private byte[] _pool = new byte[4096];
    private int _poolUsed;
    private int[] _offsets = new int[64];
    private int[] _lengths = new int[64];
    private int[] _hashes = new int[64];
    private int[] _slots = new int[128]; // id + 1, 0 = empty

    /// <summary>Number of keys.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of key <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> Key(int id) => _pool.AsSpan(_offsets[id], _lengths[id]);

    /// <summary>Returns the id of <paramref name="key"/>, adding it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var i = hash & mask;
        while (true)
        {
            var s = _slots[i];
            if (s == 0) break;
            var id = s - 1;
            if (_hashes[id] == hash && BlockDump.Bytes.Same(_pool.AsSpan(_offsets[id], _lengths[id]), key)) return id;
            i = (i + 1) & mask;
        }
        return Add(key, hash, i);
    }

    private int Add(ReadOnlySpan<byte> key, int hash, int slot)
    {
        var id = Count++;
        if (id == _offsets.Length)
        {
            Array.Resize(ref _offsets, id * 2);
            Array.Resize(ref _lengths, id * 2);
            Array.Resize(ref _hashes, id * 2);
        }
        if (_poolUsed + key.Length > _pool.Length) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolUsed + key.Length));
        key.CopyTo(_pool.AsSpan(_poolUsed));
        _offsets[id] = _poolUsed;
        _lengths[id] = key.Length;
        _hashes[id] = hash;
        _poolUsed += key.Length;
        _slots[slot] = id + 1;
        if (Count * 2 > _slots.Length) Rehash();
        return id;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var i = _hashes[id] & mask;
            while (_slots[i] != 0) i = (i + 1) & mask;
            _slots[i] = id + 1;
        }
    }

    /// <summary>A fast non-cryptographic hash over 8-byte words (keys are short: comm+pid, device names).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // small: inlined into its AggressiveOptimization callers (AO methods are not inlined)
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
        var all = key;
        while (key.Length >= 8)
        {
            h = (h ^ MemoryMarshal.Read<ulong>(key)) * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 29;
            key = key[8..];
        }
        // The tail: an overlapping 8-byte read of the key's end when the key is that long,
        // else 4-byte reads, instead of a byte loop (keys are 4-20 bytes: a loop per lookup showed in perf).
        ulong last;
        if (key.Length == 0) last = 0;
        else if (all.Length >= 8) last = MemoryMarshal.Read<ulong>(all[^8..]);
        else if (key.Length >= 4) last = MemoryMarshal.Read<uint>(key) | ((ulong)MemoryMarshal.Read<uint>(key[^4..]) << 32);
        else last = key[0] | ((ulong)key[key.Length / 2] << 8) | ((ulong)key[^1] << 16);
        h = (h ^ last) * 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 32;
        return (int)(h & 0x7FFFFFFF);
    }
}
