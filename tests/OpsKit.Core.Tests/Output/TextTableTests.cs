using OpsKit.Core.Output;

namespace OpsKit.Core.Tests.Output;

public class TextTableTests
{
    [Fact]
    public void Columns_AreAlignedAndLinesCarryNoTrailingBlanks()
    {
        var t = new TextTable("NAME", "COUNT", "NOTE").AlignRight(1);
        t.Add("dd", 35, "");
        t.Add("kjournald", 7, "writeback");
        Assert.Equal("NAME       COUNT  NOTE\ndd            35\nkjournald      7  writeback\n", t.ToString());
    }
}
