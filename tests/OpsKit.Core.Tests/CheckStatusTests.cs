namespace OpsKit.Core.Tests;

public class CheckStatusTests
{
    [Theory]
    [InlineData(CheckStatus.Ok, CheckStatus.Warning, CheckStatus.Warning)]
    [InlineData(CheckStatus.Warning, CheckStatus.Unknown, CheckStatus.Unknown)]
    [InlineData(CheckStatus.Unknown, CheckStatus.Critical, CheckStatus.Critical)]
    [InlineData(CheckStatus.Critical, CheckStatus.Unknown, CheckStatus.Critical)]
    [InlineData(CheckStatus.Ok, CheckStatus.Ok, CheckStatus.Ok)]
    public void Worst_RanksCriticalAboveUnknownAboveWarning(CheckStatus a, CheckStatus b, CheckStatus expected)
    {
        Assert.Equal(expected, CheckStatuses.Worst(a, b));
        Assert.Equal(expected, CheckStatuses.Worst(b, a));
    }

    [Fact]
    public void NumericValues_AreTheNagiosExitCodes()
    {
        Assert.Equal(ExitCodes.Ok, (int)CheckStatus.Ok);
        Assert.Equal(ExitCodes.Warning, (int)CheckStatus.Warning);
        Assert.Equal(ExitCodes.Critical, (int)CheckStatus.Critical);
        Assert.Equal(ExitCodes.Unknown, (int)CheckStatus.Unknown);
    }

    [Theory]
    [InlineData("warn", CheckStatus.Warning)]
    [InlineData("CRITICAL", CheckStatus.Critical)]
    [InlineData("ok", CheckStatus.Ok)]
    public void TryParse_AcceptsNamesInAnyCase(string text, CheckStatus expected)
    {
        Assert.True(CheckStatuses.TryParse(text, out var s));
        Assert.Equal(expected, s);
    }

    [Fact]
    public void ExitCodeTable_HasUniqueCodesExceptSharedCheckAndActionOnes()
    {
        var codes = ExitCodes.Table.Select(t => t.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Contains(ExitCodes.Config, codes);
        Assert.Equal(78, ExitCodes.Config);
        Assert.Equal(64, ExitCodes.Usage);
        Assert.Equal(130, ExitCodes.Interrupted);
    }
}
