// One place that decides how OpsKit writes JSON: indented, camelCase-free
// (names are given explicitly), UTF-8 without escaping non-ASCII text.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpsKit.Core.Output;

/// <summary>JSON writing helpers.</summary>
public static class JsonOutput
{
    /// <summary>Serializer options for reports.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    /// <summary>Writes a node followed by a newline.</summary>
    public static void Write(TextWriter writer, JsonNode node) =>
        writer.Write(node.ToJsonString(Options) + "\n");
}
