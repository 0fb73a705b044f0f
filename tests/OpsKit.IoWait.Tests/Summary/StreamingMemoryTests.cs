// Streaming: a log repeated 200 times allocates about as much as the log once,
// because only new keys (processes, devices, inodes) cost memory, never lines.
using System.Text;
using OpsKit.IoWait.Summary;

namespace OpsKit.IoWait.Tests.Summary;

public class StreamingMemoryTests
{
    /// <summary>Yields the same bytes <paramref name="times"/> times without holding the whole input.</summary>
    private sealed class RepeatStream(byte[] chunk, int times) : Stream
    {
        private long _pos;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => (long)chunk.Length * times;
        public override long Position { get => _pos; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_pos >= Length) return 0;
            var at = (int)(_pos % chunk.Length);
            var n = Math.Min(count, chunk.Length - at);
            Array.Copy(chunk, at, buffer, offset, n);
            _pos += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static (long Allocated, long Events) Scan(byte[] chunk, int times)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var agg = LogScanner.Scan(["-"], SummaryFilter.None, 2024, () => new RepeatStream(chunk, times));
        return (GC.GetAllocatedBytesForCurrentThread() - before, agg.Events);
    }

    [Fact]
    public void Allocation_does_not_grow_with_the_number_of_lines()
    {
        var chunk = Encoding.UTF8.GetBytes(LogGenerator.Generate(99, 2_000).Text);
        Scan(chunk, 1); // warm up (JIT, statics)
        var once = Scan(chunk, 1);
        var many = Scan(chunk, 200);
        Assert.Equal(200 * once.Events, many.Events);
        Assert.True(many.Allocated < 2 * once.Allocated + (256 << 10),
            $"200x the lines allocated {many.Allocated} bytes vs {once.Allocated} for 1x");
    }
}
