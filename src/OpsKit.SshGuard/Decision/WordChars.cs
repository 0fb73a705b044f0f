// The character classes of the decision: what a decoded word may hold.
namespace OpsKit.SshGuard;

/// <summary>Character classes (ASCII only; everything else is refused before splitting).</summary>
public static class WordChars
{
    /// <summary>A-Z a-z 0-9 . _ - + , = @ % : / ~ : the characters any word may hold.</summary>
    public static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or ',' or '=' or '@' or '%' or ':' or '/' or '~';

    /// <summary>* ? [ ]: allowed only in rsync pull operands, where rsync's sender expands them.</summary>
    public static bool IsGlob(char c) => c is '*' or '?' or '[' or ']';

    /// <summary>Key labels: letters, digits and . _ - @.</summary>
    public static bool IsLabel(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@';

    /// <summary>A short name for a character in a reason ("';'", "space", "0x0a (newline)").</summary>
    public static string Describe(int c) => c switch
    {
        0 => "NUL (0x00)",
        '\t' => "TAB (0x09)",
        '\n' => "newline (0x0a)",
        '\r' => "carriage return (0x0d)",
        0x7f => "DEL (0x7f)",
        ' ' => "space",
        < 0x20 => $"control byte 0x{c:x2}",
        > 0x7f => $"non-ASCII byte 0x{c:x2}",
        _ => $"'{(char)c}'",
    };
}
