// Typical mistakes are rejected (Tomlyn's diagnostics) with the line and column of the mistake and the source name.
using OpsKit.Core.Toml;

namespace OpsKit.Core.Tests.Toml;

public sealed class ErrorPositionTests
{
    private static TomlException Fail(string toml, string? source = null) =>
        Assert.Throws<TomlException>(() => TomlReader.Parse(toml, source));

    [Fact]
    public void A_duplicate_key_is_reported_at_its_second_occurrence()
    {
        var e = Fail("a = 1\nb = 2\na = 3\n");
        Assert.Equal((3, 1), (e.Line, e.Column));
        Assert.Contains("a", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_dotted_key_is_reported_on_its_line()
    {
        var e = Fail("[t]\n  x.y = 1\n  x.y = 2\n");
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void An_unterminated_string_is_reported_on_its_line()
    {
        var e = Fail("ok = 1\nname = \"abc\nnext = 2\n");
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void A_bad_escape_is_reported_on_its_line()
    {
        var e = Fail("a = 1\ns = \"ab\\qc\"");
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void A_redefined_table_is_reported_at_the_second_header()
    {
        var e = Fail("[a]\nx = 1\n\n[a]\n");
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Lines_are_counted_across_crlf_line_endings()
    {
        var e = Fail("a = 1\r\nb = 2\r\nc = = 3\r\n");
        Assert.Equal((3, 5), (e.Line, e.Column));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_bad_byte()
    {
        byte[] bytes = [.. "a = 1\nb = \""u8, 0xFF, .. "\"\n"u8];
        var e = Assert.Throws<TomlException>(() => TomlReader.Parse(bytes, "bad.toml"));
        Assert.Equal((2, 6), (e.Line, e.Column));
        Assert.Equal("bad.toml", e.Source);
        Assert.StartsWith("bad.toml:2:6: invalid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_names_the_source_when_one_is_given()
    {
        var e = Fail("a = ", "cfg.toml");
        Assert.Equal($"cfg.toml:{e.Line}:{e.Column}: " + e.Reason, e.Message);
        Assert.Equal(1, e.Line);
        Assert.DoesNotContain("cfg.toml", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_names_line_and_column_without_a_source()
    {
        var e = Fail("a = tru");
        Assert.Null(e.Source);
        Assert.Equal($"line 1, column {e.Column}: " + e.Reason, e.Message);
    }

    [Fact]
    public void Parse_file_uses_the_path_as_source()
    {
        string path = Path.Combine(Path.GetTempPath(), $"opskit-toml-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "x = 1\ny = [1,,2]\n");
        try
        {
            var e = Assert.Throws<TomlException>(() => TomlReader.ParseFile(path));
            Assert.Equal(path, e.Source);
            Assert.Equal(2, e.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash_at_the_bracket_past_the_limit()
    {
        var e = Assert.Throws<TomlException>(() => TomlReader.Parse("x = \"[[[\" # {{{\n\na = " + new string('[', 1_000_000), "f.toml"));
        Assert.Equal((3, 5 + 64), (e.Line, e.Column));
        Assert.Contains("depth", e.Reason, StringComparison.Ordinal);
        var f = Assert.Throws<TomlException>(() => TomlReader.Parse("a = " + string.Concat(Enumerable.Repeat("{ b = ", 100_000)) + "1" + new string('}', 100_000)));
        Assert.Equal((1, 1 + 4 + 64 * 6), (f.Line, f.Column));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var root = TomlReader.Parse("a = " + new string('[', 63) + new string(']', 63));
        TomlNode node = root["a"];
        for (int i = 1; i < 63; i++) node = Assert.Single(Assert.IsType<TomlArray>(node));
        Assert.Empty(Assert.IsType<TomlArray>(node));
    }
}
