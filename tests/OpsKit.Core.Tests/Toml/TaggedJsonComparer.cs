// TaggedJsonComparer: semantic comparison of two toml-test tagged JSON documents (key order, float text and datetime spelling ignored).
using System.Globalization;
using System.Text.Json;

namespace OpsKit.Core.Tests.Toml;

/// <summary>Compares tagged JSON structurally as the toml-test README prescribes; returns the first difference or null.</summary>
internal static class TaggedJsonComparer
{
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (IsScalar(expected) || IsScalar(actual))
        {
            if (!IsScalar(expected) || !IsScalar(actual))
                return $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            string type = expected.GetProperty("type").GetString()!;
            string actualType = actual.GetProperty("type").GetString()!;
            string ev = expected.GetProperty("value").GetString()!;
            string av = actual.GetProperty("value").GetString()!;
            if (type != actualType)
                return $"{path}: expected type {type}, got {actualType}";
            bool same = type switch
            {
                "float" => ParseFloat(ev).Equals(ParseFloat(av)),
                "bool" => string.Equals(ev, av, StringComparison.OrdinalIgnoreCase),
                "datetime" => ParseInstant(ev) == ParseInstant(av),
                "datetime-local" or "date-local" or "time-local" => NormalizeDateTime(ev) == NormalizeDateTime(av),
                _ => ev == av,
            };
            return same ? null : $"{path}: expected {type} '{ev}', got '{av}'";
        }
        if (expected.ValueKind != actual.ValueKind)
            return $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}";
        if (expected.ValueKind == JsonValueKind.Array)
        {
            int n = expected.GetArrayLength();
            if (n != actual.GetArrayLength())
                return $"{path}: expected {n} elements, got {actual.GetArrayLength()}";
            for (int i = 0; i < n; i++)
                if (FirstDifference(expected[i], actual[i], $"{path}[{i}]") is { } d)
                    return d;
            return null;
        }
        if (expected.ValueKind == JsonValueKind.Object)
        {
            var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet();
            var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
            if (!expectedKeys.SetEquals(actualKeys))
                return $"{path}: expected keys [{string.Join(", ", expectedKeys.Order())}], got [{string.Join(", ", actualKeys.Order())}]";
            foreach (string key in expectedKeys)
                if (FirstDifference(expected.GetProperty(key), actual.GetProperty(key), $"{path}.{key}") is { } d)
                    return d;
            return null;
        }
        return $"{path}: unexpected JSON {expected.ValueKind}";
    }

    private static bool IsScalar(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.EnumerateObject().Count() == 2 &&
        e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String &&
        e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String;

    private static double ParseFloat(string s) => s switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "+nan" or "-nan" => double.NaN,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Upper-cases T/Z, uses T as separator and cuts the fraction to exactly milliseconds (the suite's precision).</summary>
    private static string NormalizeDateTime(string s)
    {
        s = s.ToUpperInvariant();
        if (s.Length > 10 && s[10] == ' ')
            s = s[..10] + "T" + s[11..];
        int dot = s.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return s;
        int end = dot + 1;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
            end++;
        string frac = s[(dot + 1)..end];
        frac = frac.Length >= 3 ? frac[..3] : frac.PadRight(3, '0');
        return s[..dot] + "." + frac + s[end..];
    }

    private static DateTimeOffset ParseInstant(string s) =>
        DateTimeOffset.Parse(NormalizeDateTime(s), CultureInfo.InvariantCulture, DateTimeStyles.None).ToUniversalTime();
}
