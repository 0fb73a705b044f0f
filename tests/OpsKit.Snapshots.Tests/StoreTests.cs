// The hand-written pieces under create and rotate: snapshot-name parsing, the manifest's
// JSON, and the native tree remover (links, mounts and symlinks as a user would check them).
using System.Text.RegularExpressions;
using OpsKit.Snapshots.Store;
using OpsKit.Testing;

namespace OpsKit.Snapshots.Tests;

public class StoreTests
{
    [Theory]
    [InlineData("2025-03-15T020000Z")]
    [InlineData("2025-03-15T020000Z-2")]
    [InlineData("2025-03-15T020000Z-10")]
    [InlineData("2025-03-15T020000Z-1")]
    [InlineData("2025-03-15T020000Z-05")]
    [InlineData("2025-03-15T020000Z.inprogress")]
    [InlineData("2025-03-15T020000Z-3.inprogress")]
    [InlineData("2025-02-29T020000Z")]
    [InlineData("2024-02-29T235959Z")]
    [InlineData("2025-13-01T000000Z")]
    [InlineData("2025-03-15T240000Z")]
    [InlineData("2025-03-15T020000")]
    [InlineData("2025-03-15T020000Zx")]
    [InlineData("x2025-03-15T020000Z")]
    [InlineData("2025-03-15 020000Z")]
    [InlineData(".inprogress")]
    [InlineData("latest")]
    public void SnapshotNamesFollowTheGrammar(string name)
    {
        var grammar = new Regex(@"^(\d{4})-(\d\d)-(\d\d)T(\d\d)(\d\d)(\d\d)Z(-[2-9]|-[1-9]\d+)?(\.inprogress)?$");
        var m = grammar.Match(name);
        var expected = m.Success && DateTime.TryParseExact(name[..18], "yyyy-MM-dd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out _);
        Assert.Equal(expected, SnapshotName.TryParse(name, out var time, out var inProgress));
        if (!expected) return;
        Assert.Equal(name.EndsWith(".inprogress", StringComparison.Ordinal), inProgress);
        Assert.Equal(name[..18], SnapshotName.Format(time));
        Assert.Equal(time, SnapshotName.ParseStamp(SnapshotName.Iso(time)));
    }

    [Theory]
    [InlineData("web")]
    [InlineData("db01.example.com")]
    [InlineData("user@host_1-a")]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("")]
    [InlineData("ä")]
    [InlineData("x\n")]
    public void SeriesNamesAreCheckedByTheirGrammar(string name)
    {
        var expected = Regex.IsMatch(name, @"^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}\z");
        var error = Record.Exception(() => Series.CheckName(name));
        Assert.Equal(expected, error is null);
        Assert.True(error is null or OpsKit.Core.OpsKitException);
        Series.CheckName("a" + new string('x', 127)); // 128 characters: the longest allowed
        Assert.NotNull(Record.Exception(() => Series.CheckName("a" + new string('x', 128))));
    }

    [Fact]
    public void ManifestsRoundTripAndBadOnesAreRefused()
    {
        var m = new Manifest("web", "2025-03-15T020000Z", new DateTimeOffset(2025, 3, 15, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 15, 2, 5, 9, TimeSpan.Zero),
            "ok", "/srv/a \"quoted\" \\ dir\twith\u0001odd") { RsyncExit = 24, LinkDest = "2025-03-14T020000Z", Pinned = true };
        var json = m.ToJson();
        Assert.Equal(m, Manifest.Parse(json));
        Assert.Equal("/srv/a \"quoted\" \\ dir\twith\u0001odd", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("source").GetString());
        var extra = json.Replace("\"pinned\"", "\"future\": {\"a\": [1, \"}\"]}, \"pinned\"", StringComparison.Ordinal);
        Assert.Equal(m, Manifest.Parse(extra));
        foreach (var bad in new[] { json[..^3], json.Replace("\"web\"", "7", StringComparison.Ordinal), json.Replace("24", "\"24\"", StringComparison.Ordinal),
                     json.Replace("\"status\": \"ok\",", "", StringComparison.Ordinal), json + "x", "[]" })
            Assert.Throws<FormatException>(() => Manifest.Parse(bad));
    }

    [Fact]
    public async Task RemovingATreeKeepsSharedInodesAndSymlinkTargets()
    {
        using var dir = new TempDir("opskit-snap-rm");
        var outside = Directory.CreateDirectory(Path.Combine(dir.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "keep\n");
        var doomed = Path.Combine(dir.Path, "doomed");
        for (var a = 0; a < 5; a++)
            for (var b = 0; b < 4; b++)
            {
                var d = Directory.CreateDirectory(Path.Combine(doomed, "tree", $"a{a}", $"b{b}", "deep")).FullName;
                for (var f = 0; f < 30; f++) File.WriteAllText(Path.Combine(d, $"f{f}"), "x");
            }
        File.CreateSymbolicLink(Path.Combine(doomed, "tree", "a0", "to-outside"), outside);
        File.CreateSymbolicLink(Path.Combine(doomed, "tree", "a1", "file-link"), Path.Combine(outside, "keep.txt"));
        var ln = await new OpsKit.Core.Processes.ProcessRunner().RunAsync(new("ln", Path.Combine(outside, "keep.txt"), Path.Combine(doomed, "tree", "a2", "shared.txt"))).ConfigureAwait(true);
        Assert.Equal(0, ln.ExitCode);
        Assert.Equal(2UL, Native.Stat(Path.Combine(outside, "keep.txt"))!.Value.Links);
        var problems = new List<string>();
        TrashRemover.RemoveTree(doomed, Native.Stat(dir.Path)!.Value.Device, problems, CancellationToken.None);
        Assert.Empty(problems);
        Assert.False(Path.Exists(doomed));
        Assert.Equal("keep\n", File.ReadAllText(Path.Combine(outside, "keep.txt")));
        Assert.Equal(1UL, Native.Stat(Path.Combine(outside, "keep.txt"))!.Value.Links);
    }

    [Fact]
    public void ATreeOnAnotherDeviceIsNotEntered()
    {
        using var dir = new TempDir("opskit-snap-rm");
        var doomed = Directory.CreateDirectory(Path.Combine(dir.Path, "doomed", "sub")).FullName;
        File.WriteAllText(Path.Combine(doomed, "f"), "x");
        var problems = new List<string>();
        TrashRemover.RemoveTree(Path.Combine(dir.Path, "doomed"), Native.Stat(dir.Path)!.Value.Device + 1, problems, CancellationToken.None);
        Assert.Contains(problems, p => p.Contains("another file system", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(doomed, "f")));
    }
}
