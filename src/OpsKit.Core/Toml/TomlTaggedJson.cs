// TomlTaggedJson: a parsed document in toml-test's tagged JSON encoding ("config toml-decode", the conformance tests).
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpsKit.Core.Toml;

/// <summary>The toml-test "tagged JSON" encoding: tables as objects, arrays as arrays, scalars as <c>{"type": ..., "value": ...}</c>.</summary>
public static class TomlTaggedJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 4096,
    };

    /// <summary>Encodes <paramref name="table"/> as tagged JSON text.</summary>
    public static string Write(TomlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
            WriteNode(writer, table);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteNode(Utf8JsonWriter w, TomlNode node)
    {
        switch (node)
        {
            case TomlTable t:
                w.WriteStartObject();
                foreach (var (key, child) in t)
                {
                    w.WritePropertyName(key);
                    WriteNode(w, child);
                }
                w.WriteEndObject();
                break;
            case TomlArray a:
                w.WriteStartArray();
                foreach (var child in a)
                    WriteNode(w, child);
                w.WriteEndArray();
                break;
            case TomlValue v:
                w.WriteStartObject();
                w.WriteString("type", TypeName(v.Kind));
                w.WriteString("value", v.Value switch
                {
                    string s => s,
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    double d => FormatFloat(d),
                    bool b => b ? "true" : "false",
                    _ => v.Value.ToString(),
                });
                w.WriteEndObject();
                break;
        }
    }

    private static string TypeName(TomlValueKind kind) => kind switch
    {
        TomlValueKind.String => "string",
        TomlValueKind.Integer => "integer",
        TomlValueKind.Float => "float",
        TomlValueKind.Boolean => "bool",
        TomlValueKind.OffsetDateTime => "datetime",
        TomlValueKind.LocalDateTime => "datetime-local",
        TomlValueKind.LocalDate => "date-local",
        _ => "time-local",
    };

    /// <summary>Formats a float as toml-test expects: "inf", "-inf", "nan", otherwise the shortest round-tripping text.</summary>
    internal static string FormatFloat(double d) =>
        double.IsNaN(d) ? "nan"
        : double.IsPositiveInfinity(d) ? "inf"
        : double.IsNegativeInfinity(d) ? "-inf"
        : d.ToString("R", CultureInfo.InvariantCulture);
}
