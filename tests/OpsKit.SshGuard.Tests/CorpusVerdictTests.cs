// Every developer corpus line through the pure decision function under backup-v1.
namespace OpsKit.SshGuard.Tests;

public sealed class CorpusVerdictTests
{
    [Fact]
    public void Corpus_HasTheDocumented122Cases_40AcceptAnd82Reject()
    {
        Assert.Equal(122, AttackCorpus.Cases.Count);
        Assert.Equal(40, AttackCorpus.Cases.Count(c => c.Accept));
    }

    [Theory]
    [MemberData(nameof(AttackCorpus.Lines), MemberType = typeof(AttackCorpus))]
    public void CorpusLine_GetsTheExpectedVerdict(int line)
    {
        var c = AttackCorpus.At(line);
        var verdict = Guard.Decide(AttackCorpus.Policy, c.Command, Client.Unknown);
        Assert.True(verdict.Accepted == c.Accept,
            $"line {line} ({c.Why}): expected {(c.Accept ? "accept" : "reject")}, got {(verdict.Accepted ? "accept" : "reject")}: {verdict.Reason}");
        if (verdict.Accepted)
        {
            Assert.StartsWith("/", verdict.Argv[0]);
            Assert.Equal(".", verdict.Argv.SkipWhile(w => w != "--").Skip(1).FirstOrDefault() ?? ".");
        }
        else
        {
            Assert.Empty(verdict.Argv);
            Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
        }
    }
}
