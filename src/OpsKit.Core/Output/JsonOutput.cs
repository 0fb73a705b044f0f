// One place that decides how OpsKit writes JSON: indented, snake_case, UTF-8 without
// escaping non-ASCII text, null written (null means unknown, never 0). Reports are
// serialized through each area's source-generated JsonSerializerContext (AOT-safe).
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace OpsKit.Core.Output;

/// <summary>JSON writing helpers.</summary>
public static class JsonOutput
{
    /// <summary>The schema_version every report carries; raised only when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Serializer options for node trees (state files).</summary>
    public static JsonSerializerOptions Options { get; } = NewOptions();

    /// <summary>
    /// Fresh options for one area's source-generated context (a context takes ownership of its options,
    /// so each area gets its own instance): <c>new RaidJsonContext(JsonOutput.NewOptions())</c>.
    /// </summary>
    public static JsonSerializerOptions NewOptions() => new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    /// <summary>A report as JSON text followed by a newline.</summary>
    public static string Serialize<T>(T report, JsonTypeInfo<T> info) => JsonSerializer.Serialize(report, info) + "\n";

    /// <summary>Writes a report followed by a newline.</summary>
    public static void Write<T>(TextWriter writer, T report, JsonTypeInfo<T> info) => writer.Write(Serialize(report, info));

    /// <summary>Writes a node followed by a newline.</summary>
    public static void Write(TextWriter writer, JsonNode node) =>
        writer.Write(node.ToJsonString(Options) + "\n");
}
