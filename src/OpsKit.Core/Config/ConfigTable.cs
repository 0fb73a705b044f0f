// Declaration of a config table ([log], [aoe], [[aoe.export]], [ssh.policy.NAME]).
namespace OpsKit.Core.Config;

/// <summary>How a sub-table appears in the file.</summary>
public enum ConfigTableKind
{
    /// <summary>One table: [raid].</summary>
    Single,
    /// <summary>An array of tables: [[aoe.export]].</summary>
    Array,
    /// <summary>Tables under names the user picks: [ssh.policy.backup].</summary>
    Map,
}

/// <summary>Declaration of a table: its keys and nested tables.</summary>
/// <param name="Name">The TOML key of the table (without the parent's prefix).</param>
/// <param name="Doc">What the table is for.</param>
/// <param name="Keys">The keys it may hold.</param>
public sealed record ConfigTable(string Name, string Doc, IReadOnlyList<ConfigKey> Keys)
{
    /// <summary>Nested tables.</summary>
    public IReadOnlyList<ConfigTable> Tables { get; init; } = [];

    /// <summary>How this table appears under its parent.</summary>
    public ConfigTableKind Kind { get; init; } = ConfigTableKind.Single;

    /// <summary>The area's binder (its semantic checks: time zones, absolute paths, ranges that depend on each
    /// other), run by "config check" so such errors show before a run needs the value.</summary>
    public Action<ConfigSection>? Check { get; init; }

    /// <summary>The key declaration, or null.</summary>
    public ConfigKey? Key(string name) => Keys.FirstOrDefault(k => k.Name == name);

    /// <summary>The nested table declaration, or null.</summary>
    public ConfigTable? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);

    /// <summary>Every name allowed directly inside this table.</summary>
    public IEnumerable<string> AllNames => Keys.Select(k => k.Name).Concat(Tables.Select(t => t.Name));
}
