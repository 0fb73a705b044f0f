// Generated logs with known truth: every task's counts, the top processes, gzip,
// stdin and the parallel scan must agree with what the generator wrote.
using System.IO.Compression;
using System.Text;
using OpsKit.IoWait.Summary;
using OpsKit.Testing;

namespace OpsKit.IoWait.Tests.Summary;

public class GeneratedLogTests
{
    private static SummaryReport FromText(string text) =>
        LogScanner.Scan(["-"], SummaryFilter.None, 2024, () => new MemoryStream(Encoding.UTF8.GetBytes(text))).ToReport();

    private static void AssertMatchesTruth(SummaryReport r, GeneratedTruth truth, int seed)
    {
        Assert.True(truth.Lines == r.Lines, $"seed {seed}: lines {r.Lines} != {truth.Lines}");
        Assert.True(truth.Events == r.Events, $"seed {seed}: events {r.Events} != {truth.Events}");
        Assert.Equal(truth.Tasks.Count, r.Processes.Count);
        foreach (var ((comm, pid), c) in truth.Tasks)
        {
            var row = Assert.Single(r.Processes, p => p.Comm == comm && p.Pid == pid);
            Assert.True(new Counts(c[0], c[1], c[2], c[3], c[4]) == row.Counts, $"seed {seed}: {comm}({pid}) {row.Counts} != [{string.Join(',', c)}]");
        }
        var expectedTop = truth.Tasks.OrderByDescending(t => t.Value[0] + t.Value[1] + t.Value[2]).Take(5)
            .Select(t => t.Value[0] + t.Value[1] + t.Value[2]).ToList();
        Assert.Equal(expectedTop, r.Processes.Take(5).Select(p => p.Counts.Events));
        foreach (var (dev, n) in truth.Devices) Assert.Equal(n, Assert.Single(r.Devices, d => d.Device == dev).Counts.Events);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2011)]
    [InlineData(4787)]
    [InlineData(90210)]
    public void Generated_logs_give_the_generators_truth(int seed)
    {
        var (text, truth) = LogGenerator.Generate(seed, 20_000);
        AssertMatchesTruth(FromText(text), truth, seed);
    }

    [Fact]
    public void A_held_back_random_seed_gives_its_truth()
    {
        var seed = Random.Shared.Next();
        var (text, truth) = LogGenerator.Generate(seed, 10_000, tasks: 60);
        AssertMatchesTruth(FromText(text), truth, seed);
    }

    [Fact]
    public void Gzip_files_and_plain_files_give_the_same_report()
    {
        using var dir = new TempDir("iowait");
        var (text, truth) = LogGenerator.Generate(7, 5_000);
        var plain = dir.Write("kern.log", text);
        var gz = dir.File("kern.log.1.gz");
        using (var f = File.Create(gz))
        using (var z = new GZipStream(f, CompressionLevel.Fastest))
            z.Write(Encoding.UTF8.GetBytes(text));
        var a = LogScanner.Scan([plain], SummaryFilter.None, 2024, () => Stream.Null).ToReport();
        var b = LogScanner.Scan([gz], SummaryFilter.None, 2024, () => Stream.Null).ToReport();
        AssertMatchesTruth(a, truth, 7);
        AssertMatchesTruth(b, truth, 7);
        var both = LogScanner.Scan([plain, gz], SummaryFilter.None, 2024, () => Stream.Null).ToReport();
        Assert.Equal(2 * truth.Events, both.Events);
    }

    [Fact]
    public void Gzip_on_stdin_is_detected_by_its_magic_bytes()
    {
        var (text, truth) = LogGenerator.Generate(8, 3_000);
        var ms = new MemoryStream();
        using (var z = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(Encoding.UTF8.GetBytes(text));
        ms.Position = 0;
        var r = LogScanner.Scan(["-"], SummaryFilter.None, 2024, () => ms).ToReport();
        AssertMatchesTruth(r, truth, 8);
    }

    [Fact]
    public void The_parallel_scan_of_a_large_file_equals_the_truth()
    {
        using var dir = new TempDir("iowait");
        var path = dir.File("big.log");
        GeneratedTruth truth;
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
            truth = new LogGenerator(31337).Write(w, 230_000, tasks: 80);
        Assert.True(new FileInfo(path).Length >= LogScanner.ParallelThreshold, "file too small to take the parallel path");
        var r = LogScanner.Scan([path], SummaryFilter.None, 2024, () => Stream.Null).ToReport();
        AssertMatchesTruth(r, truth, 31337);
    }

    [Fact]
    public void Lines_longer_than_the_buffer_are_counted_and_skipped()
    {
        var text = "dd(1): READ block 1 on sda\n" + new string('x', (1 << 20) + 10) + "\ndd(1): READ block 2 on sda\n";
        var r = FromText(text);
        Assert.Equal((3L, 2L, 1L), (r.Lines, r.Events, r.Overlong));
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var e = Assert.Throws<OpsKit.Core.OpsKitException>(() => LogScanner.Scan(["/nonexistent/kern.log"], SummaryFilter.None, 2024, () => Stream.Null));
        Assert.Contains("/nonexistent/kern.log", e.Message);
        Assert.Equal(OpsKit.Core.ExitCodes.NoInput, e.ExitCode);
    }

    [Fact]
    public void A_corrupt_gzip_file_is_bad_data_naming_it()
    {
        using var dir = new TempDir("iowait");
        var path = dir.File("bad.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var e = Assert.Throws<OpsKit.Core.OpsKitException>(() => LogScanner.Scan([path], SummaryFilter.None, 2024, () => Stream.Null));
        Assert.Contains(path, e.Message);
        Assert.Equal(OpsKit.Core.ExitCodes.DataError, e.ExitCode);
    }
}
