// Durations as people type them on a command line or in the config: 90s, 30m, 26h, 2d, 1w,
// or combined (1d12h); a bare number is hours.
using System.Globalization;

namespace OpsKit.Core.Output;

/// <summary>Parses and prints short durations.</summary>
public static class DurationText
{
    /// <summary>Parses "26h", "1d12h", "90m", "45s", "1w" or a bare number of hours; null when malformed.</summary>
    public static TimeSpan? TryParse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0) return null;
        if (double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)) return TimeSpan.FromHours(hours);
        var total = TimeSpan.Zero;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start || i == s.Length) return null;
            if (!double.TryParse(s[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return null;
            total += s[i] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                'w' => TimeSpan.FromDays(7 * n),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero) return null;
            i++;
        }
        return total;
    }

    /// <summary>Parses or throws a usage error naming <paramref name="what"/>.</summary>
    public static TimeSpan Parse(string text, string what) =>
        TryParse(text) ?? throw OpsKitException.Usage($"{what}: bad duration '{text}' (e.g. 26h, 2d, 90m, 1d12h)");

    /// <summary>A short human form: "26h", "1d2h", "45m", "30s".</summary>
    public static string Format(TimeSpan t)
    {
        if (t < TimeSpan.Zero) return "-" + Format(-t);
        if (t.TotalSeconds < 60) return $"{(int)t.TotalSeconds}s";
        if (t.TotalMinutes < 60) return $"{(int)t.TotalMinutes}m";
        if (t.TotalHours < 48) return t.Minutes == 0 || t.TotalHours >= 10 ? $"{(int)t.TotalHours}h" : $"{(int)t.TotalHours}h{t.Minutes}m";
        return t.Hours == 0 ? $"{t.Days}d" : $"{t.Days}d{t.Hours}h";
    }
}
