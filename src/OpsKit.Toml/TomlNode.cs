// TomlNode: common base of every parsed TOML node (table, array, value), carrying its source position.
namespace OpsKit.Toml;

/// <summary>Base class of tables, arrays and scalar values produced by <see cref="TomlReader"/>.</summary>
public abstract class TomlNode
{
    private protected TomlNode(TomlPosition position) => Position = position;

    /// <summary>
    /// Where the node was defined: for a value, the position of the key that defined it (array elements: the element itself);
    /// for a table, its header <c>[a.b]</c>/<c>[[a]]</c>, or the key for inline and dotted-key tables; the root table is (1,1).
    /// </summary>
    public TomlPosition Position { get; internal set; }

    /// <summary>Short human name of a node's kind for error messages: "table", "array", "string", "integer", "float", "boolean", "datetime", ...</summary>
    public static string KindName(TomlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            TomlTable => "table",
            TomlArray => "array",
            TomlValue v => v.Describe(),
            _ => "node",
        };
    }
}
