// Quoting for display only: commands are never run through a shell.
namespace OpsKit.Core.Processes;

/// <summary>POSIX-shell quoting of one word, for showing command lines to people.</summary>
public static class ShellQuote
{
    /// <summary>Returns the word unchanged when it is safe, else single-quoted.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)))
            return word;
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
