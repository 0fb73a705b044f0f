// Every node of the parsed document carries the position of its key, header or element:
// config errors ("FILE:LINE:COL: ...") and "config show" origins are built from these.
using OpsKit.Core.Toml;

namespace OpsKit.Core.Tests.Toml;

public sealed class NodePositionTests
{
    private const string Doc =
        "title = \"x\"\n" +
        "[server]\n" +
        "  host = \"h\"\n" +
        "  ports = [ 80, 443 ]\n" +
        "[[disk]]\n" +
        "dev.name = \"sda\"\n" +
        "inline = { a = 1 }\n" +
        "[[disk]]\n";

    private static readonly TomlTable Root = TomlReader.Parse(Doc);

    private static TomlTable Table(TomlNode n) => Assert.IsType<TomlTable>(n);

    [Fact]
    public void The_root_table_is_at_line_1_column_1() => Assert.Equal(new TomlPosition(1, 1), Root.Position);

    [Fact]
    public void A_value_is_at_its_key() => Assert.Equal(new TomlPosition(1, 1), Root["title"].Position);

    [Fact]
    public void A_table_is_at_its_header() => Assert.Equal(new TomlPosition(2, 1), Root["server"].Position);

    [Fact]
    public void An_indented_value_is_at_its_key_column() =>
        Assert.Equal(new TomlPosition(3, 3), Table(Root["server"])["host"].Position);

    [Fact]
    public void An_array_is_at_its_key_and_its_elements_at_themselves()
    {
        var ports = Assert.IsType<TomlArray>(Table(Root["server"])["ports"]);
        Assert.Equal(new TomlPosition(4, 3), ports.Position);
        Assert.Equal(new TomlPosition(4, 13), ports[0].Position);
        Assert.Equal(new TomlPosition(4, 17), ports[1].Position);
    }

    [Fact]
    public void Array_of_tables_elements_are_at_their_own_headers()
    {
        var disks = Assert.IsType<TomlArray>(Root["disk"]);
        Assert.True(disks.IsArrayOfTables);
        Assert.Equal(new TomlPosition(5, 1), disks.Position);
        Assert.Equal(new TomlPosition(5, 1), disks[0].Position);
        Assert.Equal(new TomlPosition(8, 1), disks[1].Position);
    }

    [Fact]
    public void Dotted_key_tables_are_at_their_key_part()
    {
        var disk = Table(Assert.IsType<TomlArray>(Root["disk"])[0]);
        var dev = Table(disk["dev"]);
        Assert.Equal(new TomlPosition(6, 1), dev.Position);
        Assert.Equal(new TomlPosition(6, 5), dev["name"].Position);
    }

    [Fact]
    public void Inline_tables_are_at_their_key_and_their_members_at_theirs()
    {
        var disk = Table(Assert.IsType<TomlArray>(Root["disk"])[0]);
        var inline = Table(disk["inline"]);
        Assert.Equal(new TomlPosition(7, 1), inline.Position);
        Assert.Equal(new TomlPosition(7, 12), inline["a"].Position);
    }

    [Fact]
    public void An_implicit_table_takes_the_position_of_the_header_that_later_defines_it()
    {
        var root = TomlReader.Parse("[a.b]\nx = 1\n[a]\ny = 2\n");
        Assert.Equal(new TomlPosition(3, 1), root["a"].Position);
        Assert.Equal(new TomlPosition(1, 1), Table(root["a"])["b"].Position);
        Assert.Equal(["b", "y"], Table(root["a"]).Keys);
    }

    [Fact]
    public void Keys_keep_document_order()
    {
        var root = TomlReader.Parse("z = 1\na = 2\nm = 3\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"k{i} = {i}\n")));
        Assert.Equal(["z", "a", "m", "k0", "k1"], root.Keys.Take(5));
        Assert.Equal(23, root.Count);
        Assert.True(root.TryGetValue("k7", out var k7));
        Assert.Equal(7, Assert.IsType<TomlValue>(k7).AsInteger());
    }
}
