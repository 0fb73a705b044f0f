// One key of a config table: its name, type, default and documentation.
// The same declaration drives validation, "config show", examples/opskit.toml and the man page.
namespace OpsKit.Core.Config;

/// <summary>What a path key must name.</summary>
public enum ConfigPathKind
{
    /// <summary>Not a path, or nothing needs to exist.</summary>
    None,
    /// <summary>A file.</summary>
    File,
    /// <summary>A directory.</summary>
    Directory,
}

/// <summary>The value types a config key can have.</summary>
public enum ConfigValueType
{
    /// <summary>A string.</summary>
    String,
    /// <summary>A 64-bit integer, optionally range-checked.</summary>
    Integer,
    /// <summary>A float (an integer is accepted too).</summary>
    Float,
    /// <summary>true or false.</summary>
    Bool,
    /// <summary>A string from a fixed set.</summary>
    Choice,
    /// <summary>An array of strings.</summary>
    StringList,
}

/// <summary>Declaration of one config key.</summary>
public sealed record ConfigKey(string Name, ConfigValueType Type, object Default, string Doc)
{
    /// <summary>Allowed values of a <see cref="ConfigValueType.Choice"/> key.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Smallest allowed integer.</summary>
    public long Min { get; init; } = long.MinValue;

    /// <summary>Largest allowed integer.</summary>
    public long Max { get; init; } = long.MaxValue;

    /// <summary>For path keys: what must exist there once the area's table is in the config
    /// ("config check" looks; an empty value means the built-in behaviour and is not checked).</summary>
    public ConfigPathKind MustExist { get; init; }

    /// <summary>A string key.</summary>
    public static ConfigKey String(string name, string def, string doc) => new(name, ConfigValueType.String, def, doc);

    /// <summary>An integer key with an allowed range.</summary>
    public static ConfigKey Integer(string name, long def, string doc, long min = long.MinValue, long max = long.MaxValue) =>
        new(name, ConfigValueType.Integer, def, doc) { Min = min, Max = max };

    /// <summary>A float key.</summary>
    public static ConfigKey Float(string name, double def, string doc) => new(name, ConfigValueType.Float, def, doc);

    /// <summary>A boolean key.</summary>
    public static ConfigKey Bool(string name, bool def, string doc) => new(name, ConfigValueType.Bool, def, doc);

    /// <summary>A string key limited to some values.</summary>
    public static ConfigKey Choice(string name, string def, string doc, params string[] choices) =>
        new(name, ConfigValueType.Choice, def, doc) { Choices = choices };

    /// <summary>A list-of-strings key.</summary>
    public static ConfigKey StringList(string name, string doc, params string[] def) =>
        new(name, ConfigValueType.StringList, (IReadOnlyList<string>)def, doc);
}
