using OpsKit.Core.Config;

namespace OpsKit.Core.Tests.Config;

public class DidYouMeanTests
{
    [Theory]
    [InlineData("sheff", "shelf")]
    [InlineData("sholf", "shelf")]
    [InlineData("slto", "slot")]
    [InlineData("intreface", "interface")]
    public void CloseMisspellings_GetASuggestion(string typo, string expected) =>
        Assert.Equal(expected, DidYouMean.Suggest(typo, ["shelf", "slot", "interface", "alias"]));

    [Fact]
    public void UnrelatedWords_GetNone() => Assert.Null(DidYouMean.Suggest("colour", ["shelf", "slot"]));

    [Fact]
    public void Distance_CountsATranspositionAsOne() => Assert.Equal(1, DidYouMean.Distance("slto", "slot"));
}
