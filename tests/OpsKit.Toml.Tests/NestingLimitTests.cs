// NestingLimitTests: absurdly nested arrays and inline tables are rejected with a TomlException, not a stack overflow.
namespace OpsKit.Toml.Tests;

public sealed class NestingLimitTests
{
    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        int n = TomlParser.MaxDepth;
        var root = TomlReader.Parse("a = " + new string('[', n) + new string(']', n));
        TomlNode node = root["a"];
        for (int i = 1; i < n; i++)
            node = Assert.Single(Assert.IsType<TomlArray>(node));
        Assert.Empty(Assert.IsType<TomlArray>(node));
    }

    [Fact]
    public void Deeply_nested_arrays_are_rejected_with_a_position()
    {
        var e = Assert.Throws<TomlException>(() => TomlReader.Parse("a = " + new string('[', 1_000_000)));
        Assert.Equal(1, e.Line);
        Assert.Equal(5 + TomlParser.MaxDepth, e.Column);
        Assert.Contains("nested too deeply", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_inline_tables_are_rejected()
    {
        string doc = "a = " + string.Concat(Enumerable.Repeat("{ b = ", 100_000)) + "1" + new string('}', 100_000);
        var e = Assert.Throws<TomlException>(() => TomlReader.Parse(doc));
        Assert.Contains("nested too deeply", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_array_and_inline_table_nesting_counts_toward_the_same_limit()
    {
        string doc = "a = " + string.Concat(Enumerable.Repeat("[{ b = ", 100_000));
        Assert.Throws<TomlException>(() => TomlReader.Parse(doc));
    }
}
