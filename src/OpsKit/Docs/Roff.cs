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
}
