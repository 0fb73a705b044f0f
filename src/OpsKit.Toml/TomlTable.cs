// TomlTable: an insertion-ordered TOML table (root, [header], [[array]] element, inline or dotted-key table).
using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace OpsKit.Toml;

/// <summary>A TOML table; enumerates its entries in document order.</summary>
public sealed class TomlTable : TomlNode, IEnumerable<KeyValuePair<string, TomlNode>>
{
    private const int IndexThreshold = 8;
    private KeyValuePair<string, TomlNode>[] _items = [];
    private int _count;
    private Dictionary<string, int>? _index;

    internal TomlTable(TomlPosition position, TableOrigin origin) : base(position) => Origin = origin;

    internal TableOrigin Origin { get; set; }

    /// <summary>Number of entries.</summary>
    public int Count => _count;

    /// <summary>True when the table was written inline as <c>{ ... }</c> (or is a dotted-key table inside one).</summary>
    public bool IsInline => Origin == TableOrigin.Inline;

    /// <summary>Keys in document order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            for (int i = 0; i < _count; i++)
                yield return _items[i].Key;
        }
    }

    /// <summary>The node stored under <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    public TomlNode this[string key] =>
        TryGetValue(key, out var node) ? node : throw new KeyNotFoundException($"key '{key}' not found in table at {Position}");

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Looks up <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlNode node)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            node = null;
            return false;
        }
        node = _items[i].Value;
        return true;
    }

    internal void Add(string key, TomlNode node)
    {
        if (_count == _items.Length)
            Array.Resize(ref _items, _count == 0 ? 4 : _count * 2);
        _items[_count] = new KeyValuePair<string, TomlNode>(key, node);
        if (_index != null)
            _index.Add(key, _count);
        else if (_count + 1 > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (int i = 0; i <= _count; i++)
                _index.Add(_items[i].Key, i);
        }
        _count++;
    }

    /// <summary>Marks this table and its dotted-key sub-tables as inline (immutable) once the closing brace is read.</summary>
    internal void SealInline()
    {
        Origin = TableOrigin.Inline;
        for (int i = 0; i < _count; i++)
            if (_items[i].Value is TomlTable { Origin: TableOrigin.Dotted } t)
                t.SealInline();
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index != null)
            return _index.TryGetValue(key, out int i) ? i : -1;
        for (int i = 0; i < _count; i++)
            if (string.Equals(_items[i].Key, key, StringComparison.Ordinal))
                return i;
        return -1;
    }

    /// <summary>Enumerates entries in document order.</summary>
    public IEnumerator<KeyValuePair<string, TomlNode>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
            yield return _items[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
