// The manifest's JSON: one flat object of strings, integers, booleans and nulls.
// Read and written by hand because System.Text.Json's first use costs several
// milliseconds, paid before rsync starts on every create (nested values are skipped).
using System.Globalization;
using System.Text;

namespace OpsKit.Snapshots.Store;

/// <summary>Reads and writes a flat JSON object.</summary>
internal static class FlatJson
{
    /// <summary>A member's value: a string's content (<paramref name="Quoted"/>), or the text of a number,
    /// true or false; null for JSON null.</summary>
    public sealed record Value(string? Text, bool Quoted); // a class: generic code over it is shared and precompiled

    /// <summary>The members of a JSON object. Nested objects and arrays are skipped.
    /// Throws <see cref="FormatException"/> on malformed input.</summary>
    public static Dictionary<string, Value> Parse(string text)
    {
        var members = new Dictionary<string, Value>(StringComparer.Ordinal);
        var i = 0;
        Expect(text, ref i, '{');
        if (Peek(text, ref i) == '}') return End(text, i + 1, members);
        while (true)
        {
            var key = ReadString(text, ref i);
            Expect(text, ref i, ':');
            var c = Peek(text, ref i);
            if (c == '"') members[key] = new Value(ReadString(text, ref i), true);
            else if (c is '{' or '[') SkipNested(text, ref i);
            else members[key] = new Value(ReadLiteral(text, ref i), false);
            if (Peek(text, ref i) == ',') { i++; continue; }
            Expect(text, ref i, '}');
            return End(text, i, members);
        }
    }

    private static Dictionary<string, Value> End(string text, int i, Dictionary<string, Value> members)
    {
        for (; i < text.Length; i++) if (!char.IsWhiteSpace(text[i])) throw new FormatException($"unexpected '{text[i]}' after the object");
        return members;
    }

    private static char Peek(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length) throw new FormatException("unexpected end of JSON");
        return text[i];
    }

    private static void Expect(string text, ref int i, char c)
    {
        if (Peek(text, ref i) != c) throw new FormatException($"expected '{c}' at offset {i}");
        i++;
    }

    private static string ReadString(string text, ref int i)
    {
        Expect(text, ref i, '"');
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"') return sb.ToString();
            if (c < ' ') throw new FormatException("control character in a string");
            if (c != '\\') { sb.Append(c); continue; }
            if (i >= text.Length) break;
            var e = text[i++];
            switch (e)
            {
                case '"' or '\\' or '/': sb.Append(e); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 <= text.Length && ushort.TryParse(text.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u):
                    sb.Append((char)u);
                    i += 4;
                    break;
                default: throw new FormatException($"bad escape \\{e}");
            }
        }
        throw new FormatException("unterminated string");
    }

    private static string? ReadLiteral(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '+' or '.')) i++;
        var word = text[start..i];
        if (word == "null") return null;
        if (word is "true" or "false" || double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return word;
        throw new FormatException($"bad value at offset {start}");
    }

    private static void SkipNested(string text, ref int i)
    {
        var depth = 0;
        do
        {
            var c = Peek(text, ref i);
            if (c == '"') { ReadString(text, ref i); continue; }
            if (c is '{' or '[') depth++;
            else if (c is '}' or ']') depth--;
            i++;
        }
        while (depth > 0);
    }

    /// <summary>Writes an indented flat object; values are strings, bools, ints or null.</summary>
    public static string Write(IEnumerable<(string Key, object? Value)> members)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in members)
        {
            sb.Append(first ? "\n  " : ",\n  ");
            first = false;
            Quote(sb, key);
            sb.Append(": ");
            switch (value)
            {
                case null: sb.Append("null"); break;
                case bool b: sb.Append(b ? "true" : "false"); break;
                case int n: sb.Append(n.ToString(CultureInfo.InvariantCulture)); break;
                default: Quote(sb, value.ToString() ?? ""); break;
            }
        }
        return sb.Append("\n}\n").ToString();
    }

    private static void Quote(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }
}
