// What a one-line summary may be: rpmlint's limit (79 columns), no URL, badge
// or markup, and never an instruction ("Please read the INSTALL file ...").
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source;

/// <summary>Summary rules.</summary>
public static partial class Summary
{
    /// <summary>True when the text can be a Summary: tag.</summary>
    public static bool IsSummary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        return s.Length is >= 3 and <= 79 && !s.Contains("://", StringComparison.Ordinal) && !Markup().IsMatch(s)
            && !s.EndsWith(':') && !IsInstruction(s) && s.Count(char.IsLetter) >= 3;
    }

    /// <summary>True for a text that says nothing but the name ("The json-c package", "Zlib library", "Libfoo"):
    /// once the name (with or without "lib"), articles and words like package/library/project are taken out, nothing is left.</summary>
    public static bool IsBoilerplate(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var bare = name.StartsWith("lib", StringComparison.OrdinalIgnoreCase) && name.Length > 3 ? name[3..] : name;
        var rest = Regex.Replace(text, @"\b(lib)?" + Regex.Escape(bare) + @"\b", " ", RegexOptions.IgnoreCase);
        return !Regex.IsMatch(Regex.Replace(rest, @"\b(the|a|an|package|library|lib|project|software|source|code|files?|for|of|c|c\+\+)(?!\w)", " ", RegexOptions.IgnoreCase), @"\w");
    }

    /// <summary>True for text that tells the reader to do something rather than saying what the project is.</summary>
    public static bool IsInstruction(string text) => Instruction().IsMatch(text.Trim());

    [GeneratedRegex(@"\[!\[|!\[|\]\(|<[a-z/][^>]*>|^#|\*\*|`|@[A-Za-z_]+@")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^(please|to (build|install|compile|use|run|get|make)|if you|see |read |run |type |install |build |compile |note:?|usage|for (more|details|further|installation|building)|you (can|may|must|need|should)|make sure|clone|download|visit|check out|first,? |refer |this is the readme|this will |warning\b|note that |for a quick start)", RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();
}
