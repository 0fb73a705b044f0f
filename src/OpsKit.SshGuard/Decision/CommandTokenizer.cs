// The one tokenizer: SSH_ORIGINAL_COMMAND bytes -> words, splitting at spaces
// with backslash escapes exactly as rsync >= 3.2.4 clients escape their arguments.
namespace OpsKit.SshGuard;

/// <summary>Splits the raw command into decoded words.</summary>
public static class CommandTokenizer
{
    /// <summary>Splits <paramref name="raw"/>; returns null and a reason when the bytes are refused.</summary>
    /// <remarks>Refused: more than <paramref name="maxBytes"/> bytes, any byte outside 0x20..0x7E (NUL, TAB, CR, LF,
    /// DEL, non-ASCII, invalid UTF-8), a lone backslash at the end. Quotes, $, backquotes and globs mean nothing here:
    /// no shell ever sees the command, so they are ordinary characters that later rules refuse.</remarks>
    public static List<string>? Split(ReadOnlySpan<byte> raw, int maxBytes, out string reason)
    {
        reason = "";
        if (raw.Length > maxBytes)
        {
            reason = $"command is {raw.Length} bytes, over the limit of {maxBytes}";
            return null;
        }
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] is < 0x20 or > 0x7e)
            {
                reason = $"{WordChars.Describe(raw[i])} at byte {i}: only printable ASCII is accepted";
                return null;
            }
        }
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = (char)raw[i];
            if (c == ' ')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\\')
            {
                if (i + 1 == raw.Length)
                {
                    reason = "lone backslash at the end of the command";
                    return null;
                }
                c = (char)raw[++i];
            }
            word.Append(c);
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
