// Suggests the nearest known name for a misspelt key ("sheff" -> "shelf").
namespace OpsKit.Core.Config;

/// <summary>Nearest-name suggestions by edit distance.</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate within a small edit distance, or null.</summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, Math.Min(3, word.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) { best = c; bestDistance = d; }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or "".</summary>
    public static string Hint(string word, IEnumerable<string> candidates) =>
        Suggest(word, candidates) is { } s ? $" (did you mean '{s}'?)" : "";

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
