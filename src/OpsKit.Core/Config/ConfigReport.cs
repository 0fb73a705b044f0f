// The rows of "config show": every declared key with its value and origin.
using System.Globalization;

namespace OpsKit.Core.Config;

/// <summary>One row of the merged configuration.</summary>
/// <param name="Key">Dotted key, e.g. "mail.to".</param>
/// <param name="Value">The value in TOML notation.</param>
/// <param name="Origin">Where it came from.</param>
public sealed record ConfigRow(string Key, string Value, ConfigOrigin Origin)
{
    /// <summary>The typed value: string, bool, long, double or a list of strings.</summary>
    public object? Typed { get; init; }
}

/// <summary>Builds the report of "config show".</summary>
public static class ConfigReport
{
    /// <summary>All rows, tables in declaration order; arrays and maps of tables expanded.</summary>
    public static IReadOnlyList<ConfigRow> Rows(OpsKitConfig config)
    {
        var rows = new List<ConfigRow>();
        foreach (var schema in config.Schemas) Add(rows, config.Section(schema.Name));
        return rows;
    }

    private static void Add(List<ConfigRow> rows, ConfigSection section)
    {
        foreach (var key in section.Schema.Keys)
            {
            var raw = section.Raw(key.Name);
            rows.Add(new ConfigRow($"{section.Path}.{key.Name}", Format(raw), section.Origin(key.Name)) { Typed = raw });
        }
        foreach (var sub in section.Schema.Tables)
        {
            switch (sub.Kind)
            {
                case ConfigTableKind.Single: Add(rows, section.Table(sub.Name)); break;
                case ConfigTableKind.Array: foreach (var s in section.Array(sub.Name)) Add(rows, s); break;
                case ConfigTableKind.Map: foreach (var (_, s) in section.Map(sub.Name)) Add(rows, s); break;
            }
        }
    }

    /// <summary>A value as it would be written in TOML.</summary>
    public static string Format(object value) => value switch
    {
        string s => Quote(s),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IReadOnlyList<string> list => "[" + string.Join(", ", list.Select(Quote)) + "]",
        _ => value.ToString() ?? "",
    };

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
