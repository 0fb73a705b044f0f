// Semantic comparison of toml-test tagged JSON: floats by value, datetimes by instant.
using System.Globalization;
using System.Text.Json.Nodes;

namespace OpsKit.Tests;

internal static class TaggedJson
{
    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        switch (a)
        {
            case JsonObject oa when b is JsonObject ob:
                if (IsTagged(oa) && IsTagged(ob)) return ValueEqual(oa, ob);
                return oa.Count == ob.Count && oa.All(kv => ob.ContainsKey(kv.Key) && Equal(kv.Value, ob[kv.Key]));
            case JsonArray aa when b is JsonArray ab:
                return aa.Count == ab.Count && aa.Zip(ab).All(p => Equal(p.First, p.Second));
            default:
                return a is null && b is null;
        }
    }

    private static bool IsTagged(JsonObject o) => o.Count == 2 && o["type"] is JsonValue && o["value"] is JsonValue;

    private static bool ValueEqual(JsonObject a, JsonObject b)
    {
        var type = (string?)a["type"];
        if (type != (string?)b["type"]) return false;
        var va = (string?)a["value"] ?? "";
        var vb = (string?)b["value"] ?? "";
        if (type == "float")
        {
            var fa = ParseFloat(va);
            var fb = ParseFloat(vb);
            return double.IsNaN(fa) ? double.IsNaN(fb) : fa.Equals(fb);
        }
        if (type == "datetime")
            return DateTimeOffset.Parse(va, CultureInfo.InvariantCulture) == DateTimeOffset.Parse(vb, CultureInfo.InvariantCulture);
        if (type is "datetime-local" or "time-local")
            return Trim(va) == Trim(vb);
        return va == vb;
    }

    private static string Trim(string s) => s.Contains('.') ? s.TrimEnd('0').TrimEnd('.') : s;

    private static double ParseFloat(string s) => s switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "+nan" or "-nan" => double.NaN,
        _ => double.Parse(s, CultureInfo.InvariantCulture),
    };
}
