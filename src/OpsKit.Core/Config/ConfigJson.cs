// "config show" and "config check" as text and as JSON (docs/json.md, docs/schemas/config-*.schema.json).
// Values are JSON values of their TOML type (string, boolean, integer, float, array of strings), not TOML text.
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpsKit.Core.Output;

namespace OpsKit.Core.Config;

/// <summary>"config show --json".</summary>
public sealed record ConfigShowJson(int SchemaVersion, string? File, IReadOnlyList<ConfigValueJson> Values)
{
    /// <summary>The document for the merged configuration.</summary>
    public static ConfigShowJson From(OpsKitConfig config) => new(JsonOutput.SchemaVersion, config.SourceFile,
        [.. ConfigReport.Rows(config).Select(r => new ConfigValueJson(r.Key, new ConfigValue(r.Typed), new ConfigOriginJson(r.Origin.Kind, r.Origin.Kind == "default" ? null : r.Origin.Detail)))]);
}

/// <summary>One key, its value and where it came from.</summary>
public sealed record ConfigValueJson(string Key, ConfigValue Value, ConfigOriginJson Origin);

/// <summary>default, file (detail FILE:LINE:COL), env (detail the variable) or flag; detail null for defaults.</summary>
public sealed record ConfigOriginJson(string Kind, string? Detail);

/// <summary>A typed config value, written as the JSON value of its type.</summary>
[JsonConverter(typeof(ConfigValueConverter))]
public readonly record struct ConfigValue(object? Value);

/// <summary>Writes a <see cref="ConfigValue"/> as a plain JSON value.</summary>
public sealed class ConfigValueConverter : JsonConverter<ConfigValue>
{
    /// <inheritdoc />
    public override ConfigValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("config values are written, not read");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ConfigValue value, JsonSerializerOptions options)
    {
        switch (value.Value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case int i: writer.WriteNumberValue(i); break;
            case double d: writer.WriteNumberValue(d); break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list) writer.WriteStringValue(item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(value.Value.ToString()); break;
        }
    }
}

/// <summary>"config check --json": the files read (main file, then drop-ins), ok, or the errors found (FILE:LINE:COL: what).</summary>
public sealed record ConfigCheckJson(int SchemaVersion, string? File, IReadOnlyList<string> Files, bool Ok, IReadOnlyList<string> Errors);

/// <summary>Renders the config reports.</summary>
public static class ConfigOutput
{
    /// <summary>"config show" as text or JSON.</summary>
    public static string Show(OpsKitConfig config, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(ConfigShowJson.From(config), CoreJsonContext.Reports.ConfigShowJson);
        var sb = new StringBuilder($"# config file: {(config.Files.Count == 0 ? "none (built-in defaults)" : string.Join(", ", config.Files))}\n");
        var table = new TextTable("KEY", "VALUE", "ORIGIN");
        foreach (var r in ConfigReport.Rows(config)) table.Add(r.Key, r.Value, r.Origin);
        return sb.Append(table).ToString();
    }

    /// <summary>"config check" as text or JSON; <paramref name="errors"/> empty when the file is valid.</summary>
    public static string Check(IReadOnlyList<string> files, IReadOnlyList<string> errors, OutputFormat format)
    {
        if (format == OutputFormat.Json)
            return JsonOutput.Serialize(new ConfigCheckJson(JsonOutput.SchemaVersion, files.Count > 0 ? files[0] : null, files, errors.Count == 0, errors), CoreJsonContext.Reports.ConfigCheckJson);
        if (errors.Count > 0) return string.Concat(errors.Select(e => $"opskit: {e}\n"));
        return files.Count == 0 ? "no config file (built-in defaults): OK\n" : string.Concat(files.Select(f => $"{f}: OK\n"));
    }
}

/// <summary>Source-generated serializer for the core reports (config).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ConfigShowJson))]
[JsonSerializable(typeof(ConfigCheckJson))]
public sealed partial class CoreJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static CoreJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
