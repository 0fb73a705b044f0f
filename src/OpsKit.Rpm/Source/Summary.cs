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

    /// <summary>True for text that tells the reader to do something rather than saying what the project is.</summary>
    public static bool IsInstruction(string text) => Instruction().IsMatch(text.Trim());

    [GeneratedRegex(@"\[!\[|!\[|\]\(|<[a-z/][^>]*>|^#|\*\*|`|@[A-Za-z_]+@")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^(please|to (build|install|compile|use|run|get|make)|if you|see |read |run |type |install |build |compile |note:?|usage|for (more|details|further|installation|building)|you (can|may|must|need|should)|make sure|clone|download|visit|check out|first,? |refer |this is the readme|this will |warning\b|note that )", RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();
}
