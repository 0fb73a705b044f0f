// A bound table: typed getters over file values, environment overrides and
// defaults, each value knowing where it came from. Validation has already run
// (ConfigValidator), so getters only convert.
using OpsKit.Core.Toml;

namespace OpsKit.Core.Config;

/// <summary>The values of one config table after merging defaults, the file and the environment.</summary>
public sealed class ConfigSection
{
    private readonly IReadOnlyDictionary<string, string> _env;

    internal ConfigSection(ConfigTable schema, string path, TomlTable? data, string? sourceFile,
        IReadOnlyDictionary<string, string> environmentOverrides, TomlPosition position)
    {
        Schema = schema;
        Path = path;
        Data = data;
        SourceFile = sourceFile;
        _env = environmentOverrides;
        Position = position;
    }

    /// <summary>The declaration of this table.</summary>
    public ConfigTable Schema { get; }

    /// <summary>Dotted path for messages: "aoe", "aoe.export[2]", "ssh.policy.backup".</summary>
    public string Path { get; }

    /// <summary>The raw TOML table, null when the file does not have it.</summary>
    public TomlTable? Data { get; }

    /// <summary>The config file, null when none was read.</summary>
    public string? SourceFile { get; }

    /// <summary>Where the table starts in the file.</summary>
    public TomlPosition Position { get; }

    /// <summary>A string or choice value.</summary>
    public string GetString(string name) => Raw(name) switch
    {
        string s => s,
        var v => throw Bug(name, v),
    };

    /// <summary>An integer value.</summary>
    public long GetInteger(string name) => Raw(name) switch
    {
        long l => l,
        var v => throw Bug(name, v),
    };

    /// <summary>An integer value that fits an int (the schema's range must ensure it).</summary>
    public int GetInt32(string name) => checked((int)GetInteger(name));

    /// <summary>A float value.</summary>
    public double GetFloat(string name) => Raw(name) switch
    {
        double d => d,
        long l => l,
        var v => throw Bug(name, v),
    };

    /// <summary>A boolean value.</summary>
    public bool GetBool(string name) => Raw(name) switch
    {
        bool b => b,
        var v => throw Bug(name, v),
    };

    /// <summary>A list of strings.</summary>
    public IReadOnlyList<string> GetStringList(string name) => Raw(name) switch
    {
        IReadOnlyList<string> l => l,
        var v => throw Bug(name, v),
    };

    /// <summary>True when the file or the environment set the key.</summary>
    public bool IsSet(string name) => Origin(name).Kind != "default";

    /// <summary>Where the value of a key came from.</summary>
    public ConfigOrigin Origin(string name)
    {
        if (_env.ContainsKey(name)) return new ConfigOrigin("env", EnvName(name));
        if (Data is not null && Data.TryGetValue(name, out var node))
            return new ConfigOrigin("file", Locate(node));
        return ConfigOrigin.Default;
    }

    /// <summary>FILE:LINE:COL of a key set in the file, else of the table.</summary>
    public string Where(string name)
    {
        if (Data is not null && Data.TryGetValue(name, out var node)) return Locate(node);
        return Locate(Data?.Source, Position);
    }

    /// <summary>A configuration error (exit 78) pointing at a key: "FILE:LINE:COL: [path] key: message".</summary>
    public OpsKitException Error(string name, string message) =>
        OpsKitException.Config($"{Where(name)}: [{Path}] {name}: {message}");

    /// <summary>A configuration error pointing at the table itself.</summary>
    public OpsKitException Error(string message) => OpsKitException.Config($"{Locate(Data?.Source, Position)}: [{Path}] {message}");

    /// <summary>A nested single table (present or not: defaults apply).</summary>
    public ConfigSection Table(string name)
    {
        var schema = Schema.Table(name) ?? throw new ArgumentException($"[{Path}] declares no table '{name}'", nameof(name));
        var data = Data is not null && Data.TryGetValue(name, out var n) ? n as TomlTable : null;
        return new ConfigSection(schema, $"{Path}.{name}", data, SourceFile, EmptyEnv, data?.Position ?? Position);
    }

    /// <summary>The entries of an array of tables such as [[aoe.export]].</summary>
    public IReadOnlyList<ConfigSection> Array(string name)
    {
        var schema = Schema.Table(name) ?? throw new ArgumentException($"[{Path}] declares no table '{name}'", nameof(name));
        if (Data is null || !Data.TryGetValue(name, out var node) || node is not TomlArray array) return [];
        return array.OfType<TomlTable>()
            .Select((t, i) => new ConfigSection(schema, $"{Path}.{name}[{i}]", t, SourceFile, EmptyEnv, t.Position))
            .ToList();
    }

    /// <summary>The named tables of a map such as [ssh.policy.NAME], in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigSection>> Map(string name)
    {
        var schema = Schema.Table(name) ?? throw new ArgumentException($"[{Path}] declares no table '{name}'", nameof(name));
        if (Data is null || !Data.TryGetValue(name, out var node) || node is not TomlTable map) return [];
        return map.Where(kv => kv.Value is TomlTable)
            .Select(kv => new KeyValuePair<string, ConfigSection>(kv.Key,
                new ConfigSection(schema, $"{Path}.{name}.{kv.Key}", (TomlTable)kv.Value, SourceFile, EmptyEnv, kv.Value.Position)))
            .ToList();
    }

    /// <summary>The environment variable that overrides a key of a top-level table.</summary>
    public string EnvName(string key) => ConfigValidator.EnvName(Path, key);

    internal object Raw(string name)
    {
        var key = Schema.Key(name) ?? throw new ArgumentException($"[{Path}] declares no key '{name}'", nameof(name));
        if (_env.TryGetValue(name, out var text)) return ConfigValidator.ConvertEnv(key, text, EnvName(name));
        if (Data is not null && Data.TryGetValue(name, out var node)) return ConfigValidator.Convert(key, node);
        return key.Default;
    }

    private string Locate(TomlNode node) => Locate(node.Source, node.Position);

    // A node read from a file knows its file (the main file or a drop-in); text parsed without a name falls back to SourceFile.
    private string Locate(string? source, TomlPosition p) => $"{source ?? SourceFile ?? "(built-in)"}:{p.Line}:{p.Column}";

    private InvalidOperationException Bug(string name, object v) =>
        new($"[{Path}] {name} is declared as another type than asked for ({v.GetType().Name})");

    private static readonly IReadOnlyDictionary<string, string> EmptyEnv = new Dictionary<string, string>();
}
