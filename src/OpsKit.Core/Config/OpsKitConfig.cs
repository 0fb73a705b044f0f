// Finds, reads and validates the one config file, then hands out bound tables.
// Precedence: built-in defaults < file < environment (OPSKIT_<TABLE>_<KEY>) < flags.
using OpsKit.Core.Toml;

namespace OpsKit.Core.Config;

/// <summary>What the command line and environment say about which file to read.</summary>
/// <param name="ExplicitPath">--config FILE, or null.</param>
/// <param name="NoConfig">--no-config: read no file.</param>
/// <param name="Environment">The process environment (OPSKIT_CONFIG and overrides).</param>
public sealed record ConfigRequest(string? ExplicitPath, bool NoConfig, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Where the file lives when nothing else is said.</summary>
    public string DefaultPath { get; init; } = "/etc/opskit/opskit.toml";
}

/// <summary>The merged configuration.</summary>
public sealed class OpsKitConfig
{
    private readonly TomlTable _root;
    private readonly IReadOnlyList<ConfigTable> _schemas;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private OpsKitConfig(TomlTable root, string? source, IReadOnlyList<ConfigTable> schemas, IReadOnlyDictionary<string, string> env)
    {
        _root = root;
        SourceFile = source;
        _schemas = schemas;
        _environment = env;
    }

    /// <summary>The file that was read, or null.</summary>
    public string? SourceFile { get; }

    /// <summary>The declared tables.</summary>
    public IReadOnlyList<ConfigTable> Schemas => _schemas;

    /// <summary>Resolves which file to read (--config, OPSKIT_CONFIG, the default path if it exists), reads and validates it.</summary>
    public static OpsKitConfig Load(ConfigRequest request, IReadOnlyList<ConfigTable> schemas)
    {
        var env = request.Environment;
        if (request.NoConfig) return FromTable(TomlReader.Parse(""), null, schemas, env);
        string? path = request.ExplicitPath;
        if (path is null && env.TryGetValue("OPSKIT_CONFIG", out var fromEnv) && fromEnv.Length > 0) path = fromEnv;
        if (path is null)
        {
            if (!File.Exists(request.DefaultPath)) return FromTable(TomlReader.Parse(""), null, schemas, env);
            path = request.DefaultPath;
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OpsKitException.Config($"{path}: cannot read config: {e.Message}");
        }
        return FromBytes(bytes, path, schemas, env);
    }

    /// <summary>Parses and validates config text (tests, "config check" of a given file).</summary>
    public static OpsKitConfig FromBytes(ReadOnlySpan<byte> utf8, string source, IReadOnlyList<ConfigTable> schemas,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        TomlTable root;
        try
        {
            root = TomlReader.Parse(utf8, source);
        }
        catch (TomlException e)
        {
            throw OpsKitException.Config(e.Message);
        }
        return FromTable(root, source, schemas, environment ?? new Dictionary<string, string>());
    }

    /// <summary>Parses config text.</summary>
    public static OpsKitConfig FromText(string text, string source, IReadOnlyList<ConfigTable> schemas,
        IReadOnlyDictionary<string, string>? environment = null) =>
        FromBytes(System.Text.Encoding.UTF8.GetBytes(text), source, schemas, environment);

    /// <summary>Only built-in defaults (and environment overrides).</summary>
    public static OpsKitConfig Defaults(IReadOnlyList<ConfigTable> schemas, IReadOnlyDictionary<string, string>? environment = null) =>
        FromTable(TomlReader.Parse(""), null, schemas, environment ?? new Dictionary<string, string>());

    private static OpsKitConfig FromTable(TomlTable root, string? source, IReadOnlyList<ConfigTable> schemas, IReadOnlyDictionary<string, string> env)
    {
        ConfigValidator.Validate(root, schemas, source ?? "(built-in)");
        var config = new OpsKitConfig(root, source, schemas, env);
        // Convert every override now so a bad OPSKIT_* variable fails before any work starts.
        foreach (var schema in schemas)
        {
            var section = config.Section(schema.Name);
            foreach (var key in schema.Keys) _ = section.Raw(key.Name);
        }
        return config;
    }

    /// <summary>A top-level table such as "mail"; defaults apply to what the file leaves out.</summary>
    public ConfigSection Section(string table)
    {
        var schema = _schemas.FirstOrDefault(s => s.Name == table)
            ?? throw new ArgumentException($"no config table [{table}] is declared", nameof(table));
        var data = _root.TryGetValue(table, out var node) ? node as TomlTable : null;
        var overrides = new Dictionary<string, string>();
        foreach (var key in schema.Keys)
        {
            if (_environment.TryGetValue(ConfigValidator.EnvName(table, key.Name), out var v)) overrides[key.Name] = v;
        }
        return new ConfigSection(schema, table, data, SourceFile, overrides, data?.Position ?? new TomlPosition(1, 1));
    }
}
