// Escaping for man(7) text.
namespace OpsKit.Docs;

/// <summary>roff escaping.</summary>
public static class Roff
{
    /// <summary>Escapes text for a roff line: backslashes, leading dots and quotes, hyphens in option names.</summary>
    public static string Text(string s)
    {
        s = s.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
        if (s.StartsWith('.') || s.StartsWith('\'')) s = "\\&" + s;
        return s;
    }

    /// <summary>Escapes a whole paragraph, one roff line per input line; blank lines become .PP.</summary>
    public static string Paragraphs(string s) =>
        string.Join("\n", s.TrimEnd().Split('\n').Select(l => l.Trim().Length == 0 ? ".PP" : Text(l.TrimEnd())));

    /// <summary>Wraps text lines longer than 80 bytes at spaces (mandoc's style limit); macro lines stay whole.</summary>
    public static string WrapPage(string page)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var line in page.Split('\n'))
        {
            if (line.StartsWith('.') || System.Text.Encoding.UTF8.GetByteCount(line) <= 80)
            {
                sb.Append(line).Append('\n');
                continue;
            }
            var current = new System.Text.StringBuilder();
            foreach (var word in line.Split(' '))
            {
                if (current.Length > 0 && current.Length + 1 + word.Length > 78)
                {
                    sb.Append(current).Append('\n');
                    current.Clear();
                }
                if (current.Length > 0) current.Append(' ');
                else if (word.StartsWith('.') || word.StartsWith('\'')) current.Append("\\&");
                current.Append(word);
            }
            sb.Append(current).Append('\n');
        }
        return sb.ToString()[..^1];
    }
}
