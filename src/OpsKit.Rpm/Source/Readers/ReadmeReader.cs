// README fallback for Summary, %description and URL when build files have none.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads the top-level README.</summary>
internal static partial class ReadmeReader
{
    /// <summary>The README file name, or null.</summary>
    public static string? Find(SourceTree tree) =>
        tree.TopFiles().FirstOrDefault(f => f.StartsWith("README", StringComparison.OrdinalIgnoreCase));

    /// <summary>(summary, description, url) from the README; any may be null.</summary>
    public static (string? Summary, string? Description, string? Url) Read(SourceTree tree)
    {
        if (Find(tree) is not { } file) return (null, null, null);
        var lines = (tree.Read(file) ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var paragraphs = new List<string>();
        var current = new List<string>();
        string? heading = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || Regex.IsMatch(line, "^[=-]{3,}$"))
            {
                heading ??= line.TrimStart('#').Trim();
                Flush();
                continue;
            }
            if (line.Length == 0 || line.StartsWith("```", StringComparison.Ordinal)) { Flush(); continue; }
            current.Add(line);
        }
        Flush();
        var url = UrlPattern().Match(string.Join('\n', lines)) is { Success: true } u ? u.Value.TrimEnd('.', ')', ',') : null;
        var first = paragraphs.FirstOrDefault();
        string? summary = null;
        if (heading is not null && Regex.Match(heading, @"\s[-–:]\s+(.+)$") is { Success: true } h) summary = h.Groups[1].Value;
        else if (first is not null) summary = Regex.Split(first, @"(?<=\.)\s")[0];
        return (summary, first, url);

        void Flush()
        {
            if (current.Count > 0) paragraphs.Add(string.Join(' ', current));
            current.Clear();
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""'\]]+")]
    private static partial Regex UrlPattern();
}
