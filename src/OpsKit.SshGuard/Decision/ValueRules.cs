// Checks option values and paths against the policy: path rule P and the value kinds of OptionRule.
using System.Globalization;
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard;

/// <summary>Value and path checks; each returns null when fine, else the reason.</summary>
public static class ValueRules
{
    /// <summary>Path rule P: absolute, equal to a root or below it on a '/' boundary, no "..", length limits;
    /// glob characters only when <paramref name="globs"/>.</summary>
    public static string? CheckPath(string path, PathRule rule, bool globs)
    {
        if (!path.StartsWith('/')) return $"'{path}' is not an absolute path";
        foreach (var c in path)
        {
            if (WordChars.IsGlob(c) && !globs) return $"glob character '{c}' is not allowed here";
        }
        if (path.Length > rule.MaxPathBytes) return $"path is {path.Length} bytes, over the limit of {rule.MaxPathBytes}";
        var components = path.Split('/');
        foreach (var component in components)
        {
            if (component == "..") return $"'{path}' has a '..' component";
            if (component.Length > rule.MaxComponentBytes) return $"a component of '{Short(path)}' is {component.Length} bytes, over the limit of {rule.MaxComponentBytes}";
        }
        if (RootOf(path, rule.Roots) is not null) return null;
        return $"'{Short(path)}' is outside {string.Join(" and ", rule.Roots)}";
    }

    /// <summary>The path rule a path option obeys: its own roots when it has them, else the policy's.</summary>
    public static PathRule PathsFor(OptionRule rule, PathRule paths) => rule.Roots.Count == 0 ? paths : paths with { Roots = rule.Roots };

    /// <summary>The root holding <paramref name="path"/> (the longest, when roots nest), or null.</summary>
    public static string? RootOf(string path, IReadOnlyList<string> roots)
    {
        string? best = null;
        foreach (var root in roots)
        {
            var inside = root == "/" || path == root || path.StartsWith(root + "/", StringComparison.Ordinal);
            if (inside && (best is null || root.Length > best.Length)) best = root;
        }
        return best;
    }

    /// <summary>Checks a value against an option's rule.</summary>
    public static string? CheckValue(OptionRule rule, string value, PathRule paths)
    {
        foreach (var c in value)
        {
            if (WordChars.IsGlob(c)) return $"glob character '{c}' in the value of {rule.Display}";
        }
        switch (rule.Value)
        {
            case ValueKind.Integer:
                var digits = value.StartsWith('-') ? value[1..] : value;
                if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return $"{rule.Display} needs an integer, got '{value}'";
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < rule.Min || n > rule.Max)
                    return $"{rule.Display}={Short(value)} is out of range ({Range(rule)})";
                return null;
            case ValueKind.Pattern:
                return rule.Pattern!.IsMatch(value) ? null : $"{rule.Display}={Short(value)} does not match {rule.Pattern}";
            case ValueKind.Choice:
                return rule.Choices.Contains(value) ? null : $"{rule.Display}={Short(value)} is not one of {string.Join(", ", rule.Choices)}";
            case ValueKind.List:
                var items = value.Split(',');
                if (items.Length > rule.MaxItems) return $"{rule.Display} takes at most {rule.MaxItems} items";
                var bad = items.FirstOrDefault(i => !rule.Choices.Contains(i));
                return bad is null ? null : $"{rule.Display}: '{Short(bad)}' is not one of {string.Join(", ", rule.Choices)}";
            case ValueKind.Path:
                return CheckPath(value, PathsFor(rule, paths), globs: false) is { } why ? $"{rule.Display}: {why}" : null;
            case ValueKind.Component:
                if (value is "." or ".." || value.Length == 0 || value.Length > paths.MaxComponentBytes
                    || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                    return $"{rule.Display} must be one relative name ([A-Za-z0-9._-], not . or ..), got '{Short(value)}'";
                return null;
            default:
                return $"{rule.Display} takes no value";
        }
    }

    /// <summary>What a rule accepts, for explanations.</summary>
    public static string Describe(OptionRule rule) => rule.Value switch
    {
        ValueKind.Integer => $"integer {Range(rule)}",
        ValueKind.Pattern => $"matching {rule.Pattern}",
        ValueKind.Choice => $"one of {string.Join(", ", rule.Choices)}",
        ValueKind.List => $"up to {rule.MaxItems} of {string.Join(", ", rule.Choices)}",
        ValueKind.Path => "a path under the roots",
        ValueKind.Component => "one relative name",
        _ => "no value",
    };

    private static string Range(OptionRule r) =>
        $"{(r.Min == long.MinValue ? "" : r.Min.ToString(CultureInfo.InvariantCulture))}..{(r.Max == long.MaxValue ? "" : r.Max.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>Shortens long text for a reason.</summary>
    public static string Short(string s) => s.Length <= 80 ? s : s[..60] + $"...({s.Length} bytes)";
}
