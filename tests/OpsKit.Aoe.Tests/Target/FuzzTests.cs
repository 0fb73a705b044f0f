// A million random and mutated frames through the handler: no exception, no access outside the disk, no answer to R frames.
using OpsKit.Aoe.Protocol;
using OpsKit.Aoe.Target;

namespace OpsKit.Aoe.Tests.Target;

public class FuzzTests
{
    [Fact]
    public void One_million_random_and_mutated_frames()
    {
        var store = new MemoryBlockStore(256);
        var state = new ExportState();
        var h = new RequestHandler(store, state, new ExportIdentity(0, 1, Frames.Target, 17, 16, "fuzz"));
        var rng = new Random(20261122);
        var seeds = new[]
        {
            Frames.Ata(0x24, 10, 2), Frames.Ata(0x34, 250, 8, write: true), Frames.Ata(0x20, 3, 1, ext: false),
            Frames.Ata(0xEC, 0, 1, ext: false), Frames.Ata(0xE7, 0, 0), Frames.Config(0), Frames.Config(3, "x"),
            Frames.Config(4, "abc"), Frames.Header(2), Frames.Header(3),
        };
        var buf = new byte[9216];
        long answered = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            int len;
            if (i % 4 == 0)
            {
                len = rng.Next(0, 1600);
                rng.NextBytes(buf.AsSpan(0, len));
            }
            else
            {
                var seed = seeds[rng.Next(seeds.Length)];
                len = rng.Next(0, 4) == 0 ? rng.Next(0, 9216) : new[] { 24, 32, 36, 60, 548, 1060, 1056, 4132 }[rng.Next(8)];
                seed.AsSpan(0, len).CopyTo(buf);
                for (var m = rng.Next(0, 4); m > 0; m--) buf[rng.Next(14, 40)] = (byte)rng.Next(256);
                if (rng.Next(8) == 0) buf[14] |= 0x08;                 // R flag
                if (rng.Next(8) == 0) buf[26] = (byte)rng.Next(256);   // huge counts
            }
            var response = len >= 24 && Frame.IsResponse(buf);
            var n = h.Handle(buf, len);
            Assert.InRange(n, 0, buf.Length);
            if (response) Assert.Equal(0, n);
            if (n > 0)
            {
                answered++;
                Assert.True(n >= 60);
                Assert.True(Frame.IsResponse(buf));
                Assert.Equal(0, Frame.Shelf(buf));
                Assert.Equal(1, Frame.Slot(buf));
            }
            if (state.Mask.Count > 0 || state.Reserve.Count > 0) { state.Mask.Clear(); state.Reserve.Clear(); }
        }
        Assert.True(answered > 100_000, $"only {answered} answers: the mutations hide the valid frames");
    }
}
