// The attack corpus over real sshd through an SSH.NET exec channel with the exact bytes
// of each case, including what the OpenSSH client cannot send (NUL, CR/LF, invalid UTF-8,
// a 64 KiB command): nothing refused may run, and the tree stays as it was.
using System.Text;
using OpsKit.SshGuard.Policy;
using OpsKit.SshGuard.Probe;
using OpsKit.Testing;
using Renci.SshNet;

namespace OpsKit.SshGuard.Tests;

[Collection(SshdFixture.Collection)]
public sealed class ExactBytesOverSshTests(SshdFixture sshd) : IClassFixture<SshdFixture>
{
    private static string Tree(string dir) => string.Join('\n', Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(p => $"{Path.GetRelativePath(dir, p)} {(File.Exists(p) ? File.ReadAllText(p) : "<dir>")} {File.GetLastWriteTimeUtc(p):O}"));

    [RootFact]
    public void EveryRefusedCase_AndTheBytesOpenSshCannotSend_RunNothing()
    {
        var canary = Path.Combine(sshd.Root, "web01", "canary");
        Directory.CreateDirectory(Path.GetDirectoryName(canary)!);
        File.WriteAllText(canary, "untouched\n");
        var before = Tree(sshd.Root);
        var policy = PolicyReader.ReadFile(sshd.PolicyFile);
        var cases = AttackCorpus.Cases.Where(c => !c.Accept && c.Command is { Length: > 0 })
            .Select(c => (Name: $"line {c.Line} ({c.Why})", Bytes: Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(c.Command!).Replace("/data/backup", sshd.Root, StringComparison.Ordinal))))
            .Concat(DeploymentProbe.RefusedCommands.Select(p => (Name: "probe " + p.Name, Bytes: p.Command)))
            .ToList();
        // A NUL makes sshd end the whole connection before any command runs; in this process that abort has taken
        // the test host down now and then, so those cases go through "opskit ssh probe" (SshProbeTests), not here.
        Assert.Contains(cases, c => Array.IndexOf(c.Bytes, (byte)0) >= 0);
        cases = cases.Where(c => Array.IndexOf(c.Bytes, (byte)0) < 0).ToList();
        Assert.Contains(cases, c => c.Bytes.Length > 65536);
        Assert.Contains(cases, c => c.Bytes.Any(b => b > 0x7f));

        using var key = new PrivateKeyFile(sshd.ClientKey);
        using var client = new SshClient(new ConnectionInfo("127.0.0.1", sshd.Port, "root", new PrivateKeyAuthenticationMethod("root", key)));
        client.Connect();
        var failures = new List<string>();
        foreach (var (name, bytes) in cases)
        {
            var expected = Guard.Decide(policy, bytes, new Client("127.0.0.1", "e2e"));
            if (!client.IsConnected) client.Connect();
            using var cmd = client.CreateCommand(Encoding.Latin1.GetString(bytes), Encoding.Latin1);
            cmd.CommandTimeout = TimeSpan.FromSeconds(30);
            cmd.Execute();
            if (expected.Accepted) continue;
            var ours = string.Join('\n', cmd.Error.Split('\n').SkipWhile(l => !l.StartsWith("opskit", StringComparison.Ordinal)));
            if (!DeploymentProbe.HookRefused(cmd.Result, ours) || cmd.ExitStatus == 0)
                failures.Add($"{name}: exit {cmd.ExitStatus}, stdout '{cmd.Result}', stderr '{cmd.Error}'");
        }
        client.Disconnect();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, Tree(sshd.Root));
        Assert.Equal("untouched\n", File.ReadAllText(canary));
    }
}
