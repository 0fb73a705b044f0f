// Global options parse as documented, and bad command lines are usage errors (64).
namespace OpsKit.Tests;

public class ParsingTests
{
    [Fact]
    public void GlobalOptions_AreAcceptedAfterTheVerb()
    {
        var parse = Program.CreateRoot().Parse(["config", "show", "--config", "/tmp/x.toml", "-v", "--no-config"]);
        Assert.Empty(parse.Errors);
        Assert.Equal("/tmp/x.toml", parse.GetValue(GlobalOptions.Config));
        Assert.True(parse.GetValue(GlobalOptions.Verbose));
        Assert.True(parse.GetValue(GlobalOptions.NoConfig));
        Assert.Empty(parse.UnmatchedTokens);
    }

    [Fact]
    public void EveryAreaIsListedInOrder()
    {
        var names = Program.CreateRoot().Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        Assert.Equal(["aoe", "raid", "ssh", "snapshot", "rpm", "iowait", "aide", "hwerr", "config", "mail", "generate"], names);
    }

    [Fact]
    public void ConfigTables_HaveUniqueNames() =>
        Assert.Equal(ConfigSchemas.All.Count, ConfigSchemas.All.Select(s => s.Name).Distinct().Count());
}
