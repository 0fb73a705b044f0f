// ErrorPositionTests: typical mistakes are reported with the right line, column, source and message shape.
namespace OpsKit.Toml.Tests;

public sealed class ErrorPositionTests
{
    private static TomlException Fail(string toml, string? source = null) =>
        Assert.Throws<TomlException>(() => TomlReader.Parse(toml, source));

    [Fact]
    public void A_duplicate_key_is_reported_at_its_second_occurrence()
    {
        var e = Fail("a = 1\nb = 2\na = 3\n");
        Assert.Equal((3, 1), (e.Line, e.Column));
        Assert.Contains("duplicate key 'a'", e.Reason, StringComparison.Ordinal);
        Assert.Contains("1:1", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_dotted_key_is_reported_at_its_last_part()
    {
        var e = Fail("[t]\n  x.y = 1\n  x.y = 2\n");
        Assert.Equal((3, 5), (e.Line, e.Column));
    }

    [Fact]
    public void An_unterminated_string_is_reported_at_its_opening_quote()
    {
        var e = Fail("ok = 1\nname = \"abc\nnext = 2\n");
        Assert.Equal((2, 8), (e.Line, e.Column));
        Assert.Contains("unterminated", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_multiline_string_is_reported_at_its_opening_quotes()
    {
        var e = Fail("a = 1\nb = \"\"\"\nline\nline\n");
        Assert.Equal((2, 5), (e.Line, e.Column));
    }

    [Fact]
    public void A_bad_escape_is_reported_at_its_backslash()
    {
        var e = Fail("s = \"ab\\qc\"");
        Assert.Equal((1, 8), (e.Line, e.Column));
        Assert.Contains("escape", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_escape_on_a_later_line_of_a_multiline_string_has_that_line()
    {
        var e = Fail("s = \"\"\"\nfirst\n  x\\y\n\"\"\"");
        Assert.Equal((3, 4), (e.Line, e.Column));
    }

    [Fact]
    public void A_redefined_table_is_reported_at_the_second_header_name()
    {
        var e = Fail("[a]\nx = 1\n\n[a]\n");
        Assert.Equal((4, 2), (e.Line, e.Column));
        Assert.Contains("already defined at 1:1", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_characters_not_utf16_units_or_bytes()
    {
        var e = Fail("s = \"\U0001F600é\" x");
        Assert.Equal((1, 10), (e.Line, e.Column));
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
        Assert.Equal("cfg.toml:1:5: " + e.Reason, e.Message);
    }

    [Fact]
    public void The_message_names_line_and_column_without_a_source()
    {
        var e = Fail("a = tru");
        Assert.Null(e.Source);
        Assert.Equal("line 1, column 5: " + e.Reason, e.Message);
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
            Assert.Equal((2, 8), (e.Line, e.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
