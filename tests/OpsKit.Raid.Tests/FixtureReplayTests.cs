// Every developer fixture replayed through the library: its expected status and every
// variant. The backend is inferred from the file names, as "raid check --replay" does.
using OpsKit.Core;
using OpsKit.Raid;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Tests;

public class FixtureReplayTests
{
    [Theory]
    [MemberData(nameof(FixtureCases.All), MemberType = typeof(FixtureCases))]
    public async Task Fixture_gives_its_expected_status_and_variants(string name)
    {
        var expected = FixtureCases.Read(name);
        var dir = Path.Combine(FixtureCases.Root, name);
        var report = await Replay(dir, RaidPolicy.Default);
        Assert.True(expected.Status == report.Status, $"{name}: expected {expected.Status.Label()}, got {report.Status.Label()} ({expected.Why})\n{Describe(report)}");
        Assert.Equal(name.Split('/')[0] == "3ware" ? "3ware" : name.Split('/')[0], report.Backends.Single().Backend);
        foreach (var (policy, status, label) in expected.Variants)
        {
            var variant = await Replay(dir, policy);
            Assert.True(status == variant.Status, $"{name} with {label}: expected {status.Label()}, got {variant.Status.Label()}\n{Describe(variant)}");
        }
    }

    [Fact]
    public void All_48_developer_fixtures_are_enumerated()
    {
        Assert.Equal(48, FixtureCases.All().Count());
    }

    internal static Task<RaidReport> Replay(string dir, RaidPolicy policy) =>
        new RaidChecker(new SystemContext(), new RaidSettings { Policy = policy }).ReplayAsync(dir, []);

    internal static string Describe(RaidReport report) => string.Join("\n",
        report.Notes.Select(n => $"note {n.Status.Label()}: {n.Message}")
            .Concat(report.Backends.SelectMany(b => b.Notes.Select(n => $"{b.Backend} {n.Status.Label()}: {n.Message}")
                .Concat(b.Controllers.SelectMany(c => c.Notes.Select(n => $"{b.Backend}/{c.Id} {n.Status.Label()}: {n.Message}")
                    .Concat(c.Items.Where(i => i.Status != CheckStatus.Ok).Select(i => $"{b.Backend}/{c.Id} {i.Kind} {i.Id} {i.State} {i.Status.Label()}: {i.Reason}")))))));
}
