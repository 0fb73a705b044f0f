// TomlArray: a TOML array, either a static array value or an array of tables built from [[headers]].
using System.Collections;

namespace OpsKit.Toml;

/// <summary>A TOML array (static <c>[ ... ]</c> or an array of tables from <c>[[name]]</c> headers).</summary>
public sealed class TomlArray : TomlNode, IReadOnlyList<TomlNode>
{
    private readonly List<TomlNode> _items = [];

    internal TomlArray(TomlPosition position, bool isArrayOfTables) : base(position) => IsArrayOfTables = isArrayOfTables;

    /// <summary>True for an array of tables defined with <c>[[name]]</c> headers (static arrays of inline tables are false).</summary>
    public bool IsArrayOfTables { get; }

    /// <summary>Number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public TomlNode this[int index] => _items[index];

    internal void Add(TomlNode node) => _items.Add(node);

    internal TomlNode Last => _items[^1];

    /// <summary>Enumerates elements in order.</summary>
    public IEnumerator<TomlNode> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
