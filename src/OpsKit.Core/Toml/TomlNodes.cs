// The config reader's view of a TOML document: tables, arrays and values, each
// knowing the line and column that defined it. Tomlyn parses and validates
// (TomlReader); this model exists because config errors must name FILE:LINE:COL
// for every key, and Tomlyn's own model (Tomlyn.Model) carries no positions.
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpsKit.Core.Toml;

/// <summary>A 1-based location in a TOML document.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
public readonly record struct TomlPosition(int Line, int Column)
{
    /// <summary>Formats as <c>line:column</c>.</summary>
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>Base class of tables, arrays and scalar values produced by <see cref="TomlReader"/>.</summary>
public abstract class TomlNode
{
    private protected TomlNode(TomlPosition position) => Position = position;

    /// <summary>
    /// Where the node was defined: for a value, the key that defined it (array elements: the element itself);
    /// for a table, its header <c>[a.b]</c>/<c>[[a]]</c>, or the key for inline and dotted-key tables; the root is (1,1).
    /// </summary>
    public TomlPosition Position { get; internal set; }

    /// <summary>The document the node was read from (a file name), or null for anonymous text.
    /// Merged configs keep each node's own file, so errors and origins name the drop-in that set it.</summary>
    public string? Source { get; internal set; }

    /// <summary>Short human name of a node's kind for error messages: "table", "array", "string", "integer", ...</summary>
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

/// <summary>A TOML table; enumerates its entries in document order.</summary>
public sealed class TomlTable : TomlNode, IEnumerable<KeyValuePair<string, TomlNode>>
{
    private readonly List<KeyValuePair<string, TomlNode>> _items = [];
    private readonly Dictionary<string, TomlNode> _index = new(StringComparer.Ordinal);

    internal TomlTable(TomlPosition position) : base(position)
    {
    }

    /// <summary>Number of entries.</summary>
    public int Count => _items.Count;

    /// <summary>Keys in document order.</summary>
    public IEnumerable<string> Keys => _items.Select(kv => kv.Key);

    /// <summary>The node stored under <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    public TomlNode this[string key] =>
        TryGetValue(key, out var node) ? node : throw new KeyNotFoundException($"key '{key}' not found in table at {Position}");

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <summary>Looks up <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlNode node) => _index.TryGetValue(key, out node);

    internal void Add(string key, TomlNode node)
    {
        _index.Add(key, node);
        _items.Add(new KeyValuePair<string, TomlNode>(key, node));
    }

    internal void Replace(string key, TomlNode node)
    {
        _index[key] = node;
        var i = _items.FindIndex(kv => kv.Key == key);
        _items[i] = new KeyValuePair<string, TomlNode>(key, node);
    }

    /// <summary>Merges <paramref name="later"/> into this table, later winning: tables merge key by key,
    /// arrays of tables <c>[[x]]</c> are appended to, any other value is replaced.</summary>
    public void MergeFrom(TomlTable later)
    {
        ArgumentNullException.ThrowIfNull(later);
        foreach (var (key, node) in later)
        {
            if (!TryGetValue(key, out var mine)) Add(key, node);
            else if (mine is TomlTable a && node is TomlTable b) a.MergeFrom(b);
            else if (mine is TomlArray { IsArrayOfTables: true } x && node is TomlArray { IsArrayOfTables: true } y)
            {
                foreach (var e in y) x.Add(e);
            }
            else Replace(key, node);
        }
    }

    /// <summary>Enumerates entries in document order.</summary>
    public IEnumerator<KeyValuePair<string, TomlNode>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A TOML array (static <c>[ ... ]</c> or an array of tables from <c>[[name]]</c> headers).</summary>
public sealed class TomlArray : TomlNode, IReadOnlyList<TomlNode>
{
    private readonly List<TomlNode> _items = [];

    internal TomlArray(TomlPosition position, bool isArrayOfTables) : base(position) => IsArrayOfTables = isArrayOfTables;

    /// <summary>True for an array of tables defined with <c>[[name]]</c> headers.</summary>
    public bool IsArrayOfTables { get; }

    /// <summary>Number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public TomlNode this[int index] => _items[index];

    internal void Add(TomlNode node) => _items.Add(node);

    /// <summary>Enumerates elements in order.</summary>
    public IEnumerator<TomlNode> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The kind of a scalar TOML value.</summary>
public enum TomlValueKind
{
    /// <summary>A string (<see cref="string"/>).</summary>
    String,
    /// <summary>A 64-bit integer (<see cref="long"/>).</summary>
    Integer,
    /// <summary>A 64-bit float (<see cref="double"/>).</summary>
    Float,
    /// <summary>A boolean (<see cref="bool"/>).</summary>
    Boolean,
    /// <summary>Date and time with an offset (<see cref="Tomlyn.TomlDateTime"/>).</summary>
    OffsetDateTime,
    /// <summary>Date and time without offset.</summary>
    LocalDateTime,
    /// <summary>Date only.</summary>
    LocalDate,
    /// <summary>Time of day only.</summary>
    LocalTime,
}

/// <summary>A scalar TOML value.</summary>
public sealed class TomlValue : TomlNode
{
    internal TomlValue(TomlPosition position, TomlValueKind kind, object value) : base(position)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>The kind of the value.</summary>
    public TomlValueKind Kind { get; }

    /// <summary>The value: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or <see cref="Tomlyn.TomlDateTime"/>.</summary>
    public object Value { get; }

    /// <summary>The string value; throws <see cref="InvalidOperationException"/> if this is not a string.</summary>
    public string AsString() => Kind == TomlValueKind.String ? (string)Value : throw WrongKind("string");

    /// <summary>The integer value; throws <see cref="InvalidOperationException"/> if this is not an integer.</summary>
    public long AsInteger() => Kind == TomlValueKind.Integer ? (long)Value : throw WrongKind("integer");

    /// <summary>The float value; throws <see cref="InvalidOperationException"/> if this is not a float.</summary>
    public double AsFloat() => Kind == TomlValueKind.Float ? (double)Value : throw WrongKind("float");

    /// <summary>The boolean value; throws <see cref="InvalidOperationException"/> if this is not a boolean.</summary>
    public bool AsBoolean() => Kind == TomlValueKind.Boolean ? (bool)Value : throw WrongKind("boolean");

    /// <summary>The date/time value; throws <see cref="InvalidOperationException"/> if this is not one of the four date/time kinds.</summary>
    public Tomlyn.TomlDateTime AsDateTime() => Value is Tomlyn.TomlDateTime d ? d : throw WrongKind("datetime");

    /// <summary>Short human name of the kind: "string", "integer", "float", "boolean", "datetime", "local datetime", ...</summary>
    public string Describe() => Kind switch
    {
        TomlValueKind.String => "string",
        TomlValueKind.Integer => "integer",
        TomlValueKind.Float => "float",
        TomlValueKind.Boolean => "boolean",
        TomlValueKind.OffsetDateTime => "datetime",
        TomlValueKind.LocalDateTime => "local datetime",
        TomlValueKind.LocalDate => "local date",
        _ => "local time",
    };

    /// <summary>The value as TOML-like text (strings unquoted).</summary>
    public override string ToString() => Value switch
    {
        bool b => b ? "true" : "false",
        double d => TomlTaggedJson.FormatFloat(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };

    private InvalidOperationException WrongKind(string wanted) =>
        new($"expected {wanted}, got {Describe()} (at {Position})");
}
