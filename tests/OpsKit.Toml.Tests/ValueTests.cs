// ValueTests: scalar conversions, kind names and date/time precision.
namespace OpsKit.Toml.Tests;

public sealed class ValueTests
{
    private static TomlValue Value(string toml) => Assert.IsType<TomlValue>(TomlReader.Parse("v = " + toml)["v"]);

    [Fact]
    public void Typed_accessors_return_the_value_of_the_right_kind()
    {
        Assert.Equal("hi", Value("\"hi\"").AsString());
        Assert.Equal(-9223372036854775808, Value("-9223372036854775808").AsInteger());
        Assert.Equal(0xDEADBEEF, Value("0xDEAD_BEEF").AsInteger());
        Assert.Equal(1e-7, Value("1_0e-8").AsFloat());
        Assert.True(Value("true").AsBoolean());
    }

    [Fact]
    public void A_typed_accessor_on_the_wrong_kind_throws_invalid_operation()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Value("\"42\"").AsInteger());
        Assert.Contains("expected integer, got string", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_names_are_short_human_words()
    {
        var root = TomlReader.Parse("s = 'x'\ni = 1\nf = 1.5\nb = false\nd = 1979-05-27T07:32:00Z\nl = 07:32:00\na = []\nt = {}\n");
        Assert.Equal(["string", "integer", "float", "boolean", "datetime", "local time", "array", "table"],
            root.Select(kv => TomlNode.KindName(kv.Value)));
    }

    [Fact]
    public void Datetimes_keep_every_fractional_digit_and_print_as_rfc3339()
    {
        var dt = Value("1979-05-27t07:32:00.123456789123z").AsDateTime();
        Assert.Equal(TomlValueKind.OffsetDateTime, dt.Kind);
        Assert.Equal("123456789123", dt.Fraction);
        Assert.Equal("1979-05-27T07:32:00.123456789123Z", dt.ToString());
        Assert.Equal("1979-05-27T07:32:00.500-07:00", Value("1979-05-27 07:32:00.5-07:00").Value.ToString());
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 7, 32, 0, 500, TimeSpan.FromHours(-7)),
            Value("1979-05-27T07:32:00.5-07:00").AsDateTime().ToDateTimeOffset());
    }

    [Fact]
    public void Local_dates_and_times_have_their_own_kinds()
    {
        Assert.Equal(TomlValueKind.LocalDate, Value("2024-02-29").Kind);
        Assert.Equal(TomlValueKind.LocalTime, Value("23:59:60").Kind);
        Assert.Equal(TomlValueKind.LocalDateTime, Value("2024-02-29T00:00:00").Kind);
        Assert.Equal(new DateOnly(2024, 2, 29), Value("2024-02-29").AsDateTime().ToDateOnly());
    }

    [Fact]
    public void Multiline_strings_normalise_crlf_to_lf()
    {
        Assert.Equal("a\nb\n", Value("\"\"\"\r\na\r\nb\r\n\"\"\"").AsString());
        Assert.Equal("a\nb", Value("'''a\r\nb'''").AsString());
    }

    [Fact]
    public void Tagged_json_uses_toml_test_type_names_and_float_spellings()
    {
        var root = TomlReader.Parse("a = inf\nb = -inf\nc = nan\nd = -0.0\ne = 0.1\nf = 1979-05-27\ng = \"q\\\"\\u00e9\"\n");
        string json = TomlTaggedJson.Write(root);
        Assert.Equal(
            "{\"a\":{\"type\":\"float\",\"value\":\"inf\"},\"b\":{\"type\":\"float\",\"value\":\"-inf\"}," +
            "\"c\":{\"type\":\"float\",\"value\":\"nan\"},\"d\":{\"type\":\"float\",\"value\":\"-0\"}," +
            "\"e\":{\"type\":\"float\",\"value\":\"0.1\"},\"f\":{\"type\":\"date-local\",\"value\":\"1979-05-27\"}," +
            "\"g\":{\"type\":\"string\",\"value\":\"q\\\"é\"}}",
            json);
    }

    [Fact]
    public void A_leading_bom_is_skipped_for_both_text_and_bytes()
    {
        Assert.Equal(1, TomlReader.Parse("\uFEFFa = 1")["a"] is TomlValue v ? v.AsInteger() : 0);
        Assert.True(TomlReader.Parse("\uFEFFa = 1"u8).ContainsKey("a"));
    }

    [Fact]
    public void Lone_surrogates_in_text_input_are_rejected()
    {
        Assert.Throws<TomlException>(() => TomlReader.Parse("s = \"\uD800\""));
        Assert.Throws<TomlException>(() => TomlReader.Parse("# \uDC00"));
    }
    [Fact]
    public void Dotted_keys_may_extend_a_table_implied_by_a_header_but_it_cannot_be_redefined_afterwards()
    {
        var root = TomlReader.Parse("[a.b.c]\n[a]\nb.d = 1\n[a.b.e]\n");
        var b = Assert.IsType<TomlTable>(Assert.IsType<TomlTable>(root["a"])["b"]);
        Assert.Equal(["c", "d", "e"], b.Keys);
        Assert.Throws<TomlException>(() => TomlReader.Parse("[a.b.c]\n[a]\nb.d = 1\n[a.b]\n"));
        Assert.Throws<TomlException>(() => TomlReader.Parse("[a.b]\n[a]\nb.d = 1\n"));
    }
}
