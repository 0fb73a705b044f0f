// Snapshot rotation through the restricted backup key (which the origin's
// validator could not allow): the allowed form rotates, anything else runs nothing.
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

public sealed class SnapshotRotateOverSshTests(SshdFixture sshd) : IClassFixture<SshdFixture>
{
    private string MakeHistory(string name, int days)
    {
        var root = Path.Combine(sshd.Root, name);
        var now = DateTimeOffset.UtcNow;
        for (var i = days; i >= 1; i--)
        {
            var dir = sshd.Path($"{name}-day{i}");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "f"), $"day {i}\n");
            var at = now.AddDays(-i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var r = OpskitProcess.Run("--no-config", "snapshot", "adopt", "--root", root, "--series", "web01", dir, "--at", at);
            Assert.True(r.ExitCode == 0, r.StandardError);
        }
        return root;
    }

    private static IReadOnlyList<string> Snapshots(string root) =>
        Directory.EnumerateDirectories(Path.Combine(root, "web01")).Select(Path.GetFileName).Where(n => n![0] is >= '0' and <= '9').Order().ToList()!;

    [RootFact]
    public void RotateThroughTheKey_DeletesWhatTheRuleSays_AndIsLogged()
    {
        var root = MakeHistory("rot", 10);
        var before = Snapshots(root);
        Assert.Equal(10, before.Count);

        var r = sshd.Ssh($"opskit snapshot rotate --root {root} --keep 2 --older-than 7d");
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.StandardError}");
        // Days 8 to 10 are older than 7 days and go (fewer than half, so the mass-delete guard
        // stays quiet); day 7 sits on the edge; the newest are untouched.
        var after = Snapshots(root);
        Assert.Equal(before.TakeLast(after.Count), after);
        Assert.InRange(after.Count, 6, 7);
        Assert.Contains($"ssh command accepted from 127.0.0.1: opskit snapshot rotate --root {root} --keep 2 --older-than 7d [key e2e]", File.ReadAllText(sshd.Log));

        // Asking for more than half at once is refused by the snapshot tool's own guard, over ssh too.
        var mass = sshd.Ssh($"opskit snapshot rotate --root {root} --keep 1 --older-than 1d");
        Assert.Equal(3, mass.ExitCode);
        Assert.Contains("mass delete", mass.StandardError);
        Assert.Equal(after, Snapshots(root));
    }

    [RootFact]
    public void RotateWithAFlagThePolicyDoesNotAllow_RunsNothing()
    {
        var root = MakeHistory("rot-refused", 4);
        var before = Snapshots(root);
        foreach (var command in new[]
        {
            $"opskit snapshot rotate --root {root} --keep 1 --allow-mass-delete",
            $"opskit snapshot rotate --root {root} --keep 0",
            $"opskit snapshot rotate --root {root}/../.. --keep 1",
            $"opskit snapshot rotate --root {root} --keep 1; rm -rf {root}",
        })
        {
            var r = sshd.Ssh(command);
            Assert.True(r.ExitCode == 1, $"{command}: exit {r.ExitCode}");
            Assert.StartsWith("opskit: ", r.StandardError);
        }
        Assert.Equal(before, Snapshots(root));
    }
}
