// Typed, position-aware access to one TOML table checked against a ConfigTable
// declaration: the same checks Core's loader makes, for standalone policy files too.
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Core.Toml;

namespace OpsKit.SshGuard.Policy;

/// <summary>A declared table read from a TOML file.</summary>
internal sealed class TableView
{
    private readonly TomlTable? _data;
    private readonly ConfigTable _schema;
    private readonly string _source;

    private TableView(TomlTable? data, ConfigTable schema, string source, string path, TomlPosition position)
    {
        _data = data;
        _schema = schema;
        _source = source;
        Path = path;
        Position = position;
    }

    /// <summary>Dotted path for messages.</summary>
    public string Path { get; }

    /// <summary>Where the table starts.</summary>
    public TomlPosition Position { get; }

    /// <summary>Checks unknown keys and value types, then returns the view.</summary>
    public static TableView Open(TomlTable? data, ConfigTable schema, string source, string path, TomlPosition position)
    {
        var view = new TableView(data, schema, source, path, data?.Position ?? position);
        if (data is null) return view;
        foreach (var (name, node) in data)
        {
            if (schema.Key(name) is { } key)
            {
                if (ConfigValidator.Check(key, node) is { } error) throw view.At(node.Position, $"[{path}] {name}: {error}");
                continue;
            }
            if (schema.Table(name) is { } sub)
            {
                if (node is not TomlTable t)
                    throw view.At(node.Position, $"[{path}] {name}: expected a table, got {TomlNode.KindName(node)}");
                if (sub.Kind == ConfigTableKind.Map)
                {
                    foreach (var (entry, value) in t)
                    {
                        if (value is not TomlTable)
                            throw view.At(value.Position, $"[{path}.{name}] {entry}: expected a table, got {TomlNode.KindName(value)}");
                    }
                }
                continue;
            }
            var hint = DidYouMean.Suggest(name, schema.AllNames) is { } s ? $" (did you mean '{s}'?)" : "";
            throw view.At(node.Position, $"unknown key '{name}' in [{path}]{hint}");
        }
        return view;
    }

    /// <summary>A nested single table (absent: null).</summary>
    public TableView? Table(string name)
    {
        if (_data is null || !_data.TryGetValue(name, out var node)) return null;
        return Open((TomlTable)node, _schema.Table(name)!, _source, $"{Path}.{name}", node.Position);
    }

    /// <summary>The entries of a map table, in file order.</summary>
    public List<(string Name, TableView View)> Map(string name)
    {
        var result = new List<(string Name, TableView View)>();
        if (_data is null || !_data.TryGetValue(name, out var node)) return result;
        var schema = _schema.Table(name)!;
        foreach (var (entry, value) in (TomlTable)node)
            result.Add((entry, Open((TomlTable)value, schema, _source, $"{Path}.{name}.{entry}", value.Position)));
        return result;
    }

    /// <summary>True when the file sets the key.</summary>
    public bool Has(string name) => _data is not null && _data.ContainsKey(name);

    /// <summary>A string or choice.</summary>
    public string String(string name) => (string)Value(name);

    /// <summary>An integer.</summary>
    public long Integer(string name) => (long)Value(name);

    /// <summary>A boolean.</summary>
    public bool Bool(string name) => (bool)Value(name);

    /// <summary>A list of strings.</summary>
    public IReadOnlyList<string> List(string name) => (IReadOnlyList<string>)Value(name);

    /// <summary>A configuration error at a key (or the table when the key is absent): FILE:LINE:COL: [path] key: message.</summary>
    public OpsKitException Error(string name, string message)
    {
        var position = _data is not null && _data.TryGetValue(name, out var node) ? node.Position : Position;
        return At(position, $"[{Path}] {name}: {message}");
    }

    /// <summary>A configuration error at the table.</summary>
    public OpsKitException Error(string message) => At(Position, $"[{Path}] {message}");

    private object Value(string name)
    {
        var key = _schema.Key(name) ?? throw new ArgumentException($"[{Path}] declares no key '{name}'", nameof(name));
        return _data is not null && _data.TryGetValue(name, out var node) ? ConfigValidator.Convert(key, node) : key.Default;
    }

    private OpsKitException At(TomlPosition p, string message) => OpsKitException.Config($"{_source}:{p.Line}:{p.Column}: {message}");
}
