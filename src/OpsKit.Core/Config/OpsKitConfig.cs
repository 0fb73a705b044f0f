// Finds, reads and validates the config file and its drop-ins (opskit.d/*.toml, name order, later winning),
// then hands out bound tables. Precedence: built-in defaults < files < environment (OPSKIT_<TABLE>_<KEY>) < flags.
using OpsKit.Core.Files;
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
        Files = source is null ? [] : [source];
        _schemas = schemas;
        _environment = env;
    }

    /// <summary>The first file that was read (the main file, or the first drop-in when there is none), or null.</summary>
    public string? SourceFile { get; }

    /// <summary>Every file read, in the order they were merged: the main file, then its drop-ins by name.</summary>
    public IReadOnlyList<string> Files { get; private init; }

    /// <summary>The declared tables.</summary>
    public IReadOnlyList<ConfigTable> Schemas => _schemas;

    /// <summary>Variables the tool reads that are not OPSKIT_&lt;TABLE&gt;_&lt;KEY&gt; overrides.</summary>
    public static IReadOnlyList<string> OtherVariables { get; } = ["OPSKIT_CONFIG", "OPSKIT_NO_FAST_HOOK"];

    /// <summary>The drop-in directory of a main file: /etc/opskit/opskit.toml reads /etc/opskit/opskit.d/*.toml.</summary>
    public static string DropInDirectory(string mainFile) =>
        Path.Combine(Path.GetDirectoryName(mainFile) is { Length: > 0 } d ? d : ".", Path.GetFileNameWithoutExtension(mainFile) + ".d");

    /// <summary>Resolves which files to read (--config or OPSKIT_CONFIG, else the default path if it exists; then
    /// the drop-ins beside it in name order, later winning), reads and validates them. Throws at the first error.</summary>
    public static OpsKitConfig Load(ConfigRequest request, IReadOnlyList<ConfigTable> schemas) =>
        Read(request, schemas, errors: null)!;

    /// <summary>What "config check" reports: every error of every file, of the environment and of the areas' own
    /// checks (time zones, paths that must exist) in one run. The config is null when the files could not be merged.</summary>
    public static (OpsKitConfig? Config, IReadOnlyList<string> Files, IReadOnlyList<string> Errors) Check(
        ConfigRequest request, IReadOnlyList<ConfigTable> schemas)
    {
        var errors = new List<string>();
        var config = Read(request, schemas, errors);
        errors.AddRange(UnknownVariables(request.Environment, schemas));
        if (config is not null)
        {
            foreach (var schema in schemas)
            {
                var section = config.Section(schema.Name);
                if (schema.Check is { } check)
                {
                    try { check(section); }
                    catch (OpsKitException e) { errors.Add(e.Message); }
                }
                if (config._root.ContainsKey(schema.Name)) errors.AddRange(MissingPaths(section));
            }
        }
        // A bad OPSKIT_* value is found while merging and again by the area's own check: say it once.
        return (config, config?.Files ?? [], errors.Distinct(StringComparer.Ordinal).ToList());
    }

    private static OpsKitConfig? Read(ConfigRequest request, IReadOnlyList<ConfigTable> schemas, List<string>? errors)
    {
        var env = request.Environment;
        var root = TomlReader.Parse("");
        if (request.NoConfig) return FromTable(root, null, schemas, env, errors);
        var explicitPath = request.ExplicitPath;
        if (explicitPath is null && env.TryGetValue("OPSKIT_CONFIG", out var fromEnv) && fromEnv.Length > 0) explicitPath = fromEnv;
        if (explicitPath is { Length: 0 }) throw OpsKitException.Usage("--config: empty file name; name a file or use --no-config");
        var main = explicitPath ?? request.DefaultPath;
        var files = new List<string>();
        if (explicitPath is not null || PathExists(main)) files.Add(main);
        var dropIns = DropInDirectory(main);
        if (Directory.Exists(dropIns))
            files.AddRange(Directory.EnumerateFiles(dropIns, "*.toml").Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            TomlTable table;
            try
            {
                var bytes = IoErrors.ReadInput(file, $"{file}: cannot read config");
                table = TomlReader.Parse(bytes, file);
            }
            catch (OpsKitException e)
            {
                if (errors is null) throw OpsKitException.Config(e.Message);
                errors.Add(e.Message);
                continue;
            }
            catch (TomlException e)
            {
                if (errors is null) throw OpsKitException.Config(e.Message);
                errors.Add(e.Message);
                continue;
            }
            var problems = ConfigValidator.Collect(table, schemas, file);
            if (problems.Count > 0)
            {
                if (errors is null) throw OpsKitException.Config(problems[0]);
                errors.AddRange(problems);
                continue;
            }
            root.MergeFrom(table);
        }
        var config = FromTable(root, files.FirstOrDefault(), schemas, env, errors);
        return config is null ? null : new OpsKitConfig(config._root, config.SourceFile, schemas, env) { Files = files };
    }

    private static bool PathExists(string path)
    {
        try { return PathTrust.Stat(path) is not null; }
        catch (IOException) { return true; } // there is something; reading it will say what is wrong
    }

    private static IEnumerable<string> UnknownVariables(IReadOnlyDictionary<string, string> env, IReadOnlyList<ConfigTable> schemas)
    {
        var known = schemas.SelectMany(s => s.Keys.Select(k => ConfigValidator.EnvName(s.Name, k.Name))).Concat(OtherVariables).ToHashSet(StringComparer.Ordinal);
        foreach (var name in env.Keys.Where(k => k.StartsWith("OPSKIT_", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (!known.Contains(name))
                yield return $"environment {name}: no such setting" + DidYouMean.Hint(name, known);
        }
    }

    private static IEnumerable<string> MissingPaths(ConfigSection section)
    {
        foreach (var key in section.Schema.Keys.Where(k => k.MustExist != ConfigPathKind.None && k.Type == ConfigValueType.String))
        {
            var path = section.GetString(key.Name);
            if (path.Length == 0 || !path.StartsWith('/')) continue;
            var exists = key.MustExist == ConfigPathKind.Directory ? Directory.Exists(path) : File.Exists(path);
            if (!exists)
                yield return section.Error(key.Name, $"{path}: no such {(key.MustExist == ConfigPathKind.Directory ? "directory" : "file")}").Message;
        }
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

    private static OpsKitConfig FromTable(TomlTable root, string? source, IReadOnlyList<ConfigTable> schemas, IReadOnlyDictionary<string, string> env) =>
        FromTable(root, source, schemas, env, errors: null)!;

    private static OpsKitConfig? FromTable(TomlTable root, string? source, IReadOnlyList<ConfigTable> schemas,
        IReadOnlyDictionary<string, string> env, List<string>? errors)
    {
        var problems = ConfigValidator.Collect(root, schemas, source ?? "(built-in)");
        if (problems.Count > 0)
        {
            if (errors is null) throw OpsKitException.Config(problems[0]);
            errors.AddRange(problems);
            return null;
        }
        var config = new OpsKitConfig(root, source, schemas, env);
        // Convert every override now so a bad OPSKIT_* variable fails before any work starts.
        foreach (var schema in schemas)
        {
            var section = config.Section(schema.Name);
            foreach (var key in schema.Keys)
            {
                try
                {
                    _ = section.Raw(key.Name);
                }
                catch (OpsKitException e) when (errors is not null)
                {
                    errors.Add(e.Message);
                }
            }
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
