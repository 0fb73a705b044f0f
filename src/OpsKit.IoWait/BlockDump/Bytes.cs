// Byte searches for the per-line hot path, written here rather than calling
// MemoryExtensions.IndexOf: the CoreLib versions are precompiled (ReadyToRun) and
// re-jitted through an instrumented (profiling) tier whose counter helpers cost
// ~9 % of a summary's CPU in perf. These are [AggressiveOptimization], so they are
// compiled once, fully optimized, and the vector compare is an intrinsic.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpsKit.IoWait.BlockDump;

/// <summary>Allocation-free byte searches.</summary>
internal static class Bytes
{
    /// <summary>Index of the first <paramref name="b"/> in <paramref name="s"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndexOf(ReadOnlySpan<byte> s, byte b)
    {
        ref var start = ref MemoryMarshal.GetReference(s);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var needle = Vector256.Create(b);
            for (; i + 32 <= s.Length; i += 32)
            {
                var hits = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), needle).ExtractMostSignificantBits();
                if (hits != 0) return i + System.Numerics.BitOperations.TrailingZeroCount(hits);
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            var needle = Vector128.Create(b);
            for (; i + 16 <= s.Length; i += 16)
            {
                var hits = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i), needle).ExtractMostSignificantBits();
                if (hits != 0) return i + System.Numerics.BitOperations.TrailingZeroCount(hits);
            }
        }
        for (; i < s.Length; i++)
            if (Unsafe.Add(ref start, i) == b) return i;
        return -1;
    }

    /// <summary>Index of the first <paramref name="needle"/> (at least 2 bytes) in <paramref name="s"/>, or -1.</summary>
    /// <remarks>Candidates must match the first two bytes at once (two shifted vector compares):
    /// most needles start with a space, and a first-byte search alone stops at every word.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndexOf(ReadOnlySpan<byte> s, ReadOnlySpan<byte> needle)
    {
        var last = s.Length - needle.Length; // last possible start
        ref var start = ref MemoryMarshal.GetReference(s);
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var n0 = Vector128.Create(needle[0]);
            var n1 = Vector128.Create(needle[1]);
            for (; i + 16 <= last + 1 && i + 17 <= s.Length; i += 16)
            {
                var hits = (Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i), n0)
                    & Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i + 1), n1)).ExtractMostSignificantBits();
                while (hits != 0)
                {
                    var at = i + System.Numerics.BitOperations.TrailingZeroCount(hits);
                    if (Same(s.Slice(at, needle.Length), needle)) return at;
                    hits &= hits - 1;
                }
            }
        }
        for (; i <= last; i++)
            if (Unsafe.Add(ref start, i) == needle[0] && Same(s.Slice(i, needle.Length), needle)) return i;
        return -1;
    }

    /// <summary>Index of the last <paramref name="needle"/> in <paramref name="s"/>, or -1 (a scalar scan: used on short tails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int LastIndexOf(ReadOnlySpan<byte> s, ReadOnlySpan<byte> needle)
    {
        for (var i = s.Length - needle.Length; i >= 0; i--)
            if (s[i] == needle[0] && Same(s.Slice(i, needle.Length), needle)) return i;
        return -1;
    }

    /// <summary>Byte-wise equality of two short spans (keys, markers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // small: inlined into its AggressiveOptimization callers (AO methods are not inlined)
    public static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) return false;
        var n = a.Length;
        if (n >= 8)
        {
            // 8-byte words, the last one overlapping the previous: no byte loop for the tail.
            for (var i = 0; i + 8 < n; i += 8)
                if (MemoryMarshal.Read<ulong>(a[i..]) != MemoryMarshal.Read<ulong>(b[i..])) return false;
            return MemoryMarshal.Read<ulong>(a[(n - 8)..]) == MemoryMarshal.Read<ulong>(b[(n - 8)..]);
        }
        if (n >= 4)
            return MemoryMarshal.Read<uint>(a) == MemoryMarshal.Read<uint>(b) && MemoryMarshal.Read<uint>(a[(n - 4)..]) == MemoryMarshal.Read<uint>(b[(n - 4)..]);
        for (var i = 0; i < n; i++)
            if (a[i] != b[i]) return false;
        return true;
    }
}
