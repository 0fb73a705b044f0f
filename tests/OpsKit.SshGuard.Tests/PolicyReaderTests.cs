// Policy files: errors name FILE:LINE:COL; the same policy in opskit.toml decides the same.
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard.Tests;

public sealed class PolicyReaderTests
{
    private static string Error(string toml)
    {
        var e = Assert.Throws<OpsKitException>(() => PolicyReader.ReadText(System.Text.Encoding.UTF8.GetBytes(toml), "p.toml", "p"));
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        return e.Message;
    }

    [Theory]
    [InlineData("roots = [\"/data\"]\n[rsync]\nshrot = \"v\"\n", "p.toml:3:1: unknown key 'shrot' in [policy.rsync] (did you mean 'short'?)")]
    [InlineData("roots = [\"data\"]\n", "p.toml:1:1: [policy] roots: 'data' must be an absolute path")]
    [InlineData("roots = [\"/data/../etc\"]\n", "p.toml:1:1: [policy] roots: '/data/../etc' must be an absolute path")]
    [InlineData("from = [\"10.0.0.1/8\"]\n", "p.toml:1:1: [policy] from: '10.0.0.1/8' has host bits set (did you mean 10.0.0.0/8?)")]
    [InlineData("max_command_bytes = \"8k\"\n", "p.toml:1:1: [policy] max_command_bytes: expected integer, got string")]
    [InlineData("roots = [\"/d\"]\n[rsync]\nexec = \"rsync\"\n", "p.toml:3:1: [policy.rsync] exec: 'rsync' must be an absolute path")]
    [InlineData("roots = [\"/d\"]\n[rsync.option.timeout]\nvalue = \"pattern\"\npattern = \"[0-9\"\n", "p.toml:4:1: [policy.rsync.option.timeout] pattern: invalid regular expression")]
    [InlineData("roots = [\"/d\"]\n[rsync.option.from0]\nrequires = [\"files-from\"]\n", "p.toml:2:1: [policy.rsync] option --from0 requires 'files-from'")]
    [InlineData("roots = [\"/d\"]\n[rsync.option.\"--timeout\"]\nvalue = \"integer\"\n", "option name '--timeout' must be written without dashes")]
    [InlineData("[rsync]\n", "p.toml:1:1: [policy] roots: at least one root is needed")]
    [InlineData("[key.web01]\ncommands = [\"rsnc\"]\n", "p.toml:2:1: [policy.key.web01] commands: no rule named 'rsnc'")]
    [InlineData("roots = [\"/d\"\n", "p.toml:2:1: Unexpected token `<eof>` (token: `Eof`). Expecting a closing `]` for an array")]
    public void BadPolicy_IsAConfigErrorNamingTheSpot(string toml, string expected)
    {
        Assert.Contains(expected, Error(toml));
    }

    [Fact]
    public void ReferencePolicy_ReadsWithTheDocumentedLimits()
    {
        var p = AttackCorpus.Policy;
        Assert.Equal("backup-v1", p.Name);
        Assert.Equal(["/data/backup"], p.Paths.Roots);
        Assert.Equal((8192, 4095, 255), (p.MaxCommandBytes, p.Paths.MaxPathBytes, p.Paths.MaxComponentBytes));
        Assert.Equal("/usr/bin/rsync", p.Rsync!.Exec);
        var rotate = Assert.Single(p.Commands);
        Assert.Equal(["snapshot", "rotate"], rotate.Words);
        Assert.True(rotate.Options["root"].Required);
    }

    [Fact]
    public void SamePolicyInsideOpskitToml_GivesTheSameVerdictOnEveryCorpusLine()
    {
        var text = File.ReadAllText(AttackCorpus.PolicyFile);
        var nested = "[ssh.policy.backup-v1]\n" + System.Text.RegularExpressions.Regex.Replace(text, @"^\[(?!\[)", "[ssh.policy.backup-v1.",
            System.Text.RegularExpressions.RegexOptions.Multiline);
        var config = OpsKitConfig.FromText(nested, "opskit.toml", [SshSchema.Ssh]);
        var inConfig = PolicyLoader.Load(config.Section("ssh"), "backup-v1");

        Assert.Equal("opskit.toml: [ssh.policy.backup-v1]", inConfig.Source);
        foreach (var c in AttackCorpus.Cases)
        {
            var a = Guard.Decide(AttackCorpus.Policy, c.Command, Client.Unknown);
            var b = Guard.Decide(inConfig, c.Command, Client.Unknown);
            Assert.True(a.Accepted == b.Accepted && a.Reason == b.Reason, $"line {c.Line}: {a.Reason} / {b.Reason}");
        }
    }

    [Fact]
    public void UnknownPolicyName_SaysWhereItLooked()
    {
        var config = OpsKitConfig.FromText("[ssh]\npolicy_dir = \"/nonexistent\"\n", "opskit.toml", [SshSchema.Ssh]);
        var e = Assert.Throws<OpsKitException>(() => PolicyLoader.Load(config.Section("ssh"), "backup"));
        Assert.Equal("no policy 'backup': opskit.toml has no [ssh.policy.backup] and /nonexistent/backup.toml does not exist", e.Message);
    }

    [Fact]
    public void WorldWritablePolicyFile_IsRefused()
    {
        using var dir = new OpsKit.Testing.TempDir("ssh-policy");
        var path = dir.Write("p.toml", "roots = [\"/d\"]\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite | UnixFileMode.OtherRead);
        var e = Assert.Throws<OpsKitException>(() => PolicyLoader.ReadFile(path));
        Assert.Contains("writable by group or others", e.Message);
    }
}
