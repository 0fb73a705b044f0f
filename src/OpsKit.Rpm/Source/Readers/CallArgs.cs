// Splits the arguments of an m4 or CMake/Meson call: quoting with [ ], ' ' or " ".
namespace OpsKit.Rpm.Source.Readers;

/// <summary>Argument splitting for macro calls in build files.</summary>
internal static class CallArgs
{
    /// <summary>The text between the parentheses of the first NAME( call, or null.</summary>
    public static string? Body(string text, string name)
    {
        var start = 0;
        while (true)
        {
            var i = text.IndexOf(name + "(", start, StringComparison.Ordinal);
            if (i < 0) i = text.IndexOf(name + " (", start, StringComparison.Ordinal);
            if (i < 0) return null;
            if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_')) { start = i + 1; continue; }
            var open = text.IndexOf('(', i);
            var depth = 0;
            for (var j = open; j < text.Length; j++)
            {
                if (text[j] == '(') depth++;
                else if (text[j] == ')' && --depth == 0) return text[(open + 1)..j];
            }
            return null;
        }
    }

    /// <summary>m4 arguments: comma-separated, [quoted], whitespace trimmed.</summary>
    public static List<string> M4(string body)
    {
        var args = new List<string>();
        var cur = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in body)
        {
            if (c == '[') { if (depth++ > 0) cur.Append(c); continue; }
            if (c == ']') { if (--depth > 0) cur.Append(c); continue; }
            if (c == ',' && depth == 0) { args.Add(cur.ToString().Trim()); cur.Clear(); continue; }
            cur.Append(c);
        }
        args.Add(cur.ToString().Trim());
        return args;
    }

    /// <summary>Whitespace-separated words; "..." and '...' kept together without quotes.</summary>
    public static List<string> Words(string body)
    {
        var words = new List<string>();
        var cur = new System.Text.StringBuilder();
        char quote = '\0';
        var inWord = false;
        foreach (var c in body)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else cur.Append(c);
                continue;
            }
            if (c is '"' or '\'') { quote = c; inWord = true; continue; }
            if (char.IsWhiteSpace(c) || c == ',')
            {
                if (inWord) { words.Add(cur.ToString()); cur.Clear(); inWord = false; }
                continue;
            }
            cur.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(cur.ToString());
        return words;
    }
}
