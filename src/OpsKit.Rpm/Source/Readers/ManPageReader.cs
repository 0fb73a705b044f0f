// The NAME line of a project's own man page ("tree \- list contents of
// directories in a tree-like format") is the best one-line summary there is.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads the NAME section of man pages in the tree.</summary>
internal static partial class ManPageReader
{
    /// <summary>The description of the NAME line of the page named after the package, or null (a page of one
    /// program of a collection does not describe the package).</summary>
    public static (string Summary, string File)? Summary(SourceTree tree, string name)
    {
        // The page is the package's when it is named after it, or when its NAME line lists the package
        // (pv's doc/quickref.1.in: "@PACKAGE@ \- monitor the progress of data through a pipe").
        foreach (var page in Pages(tree))
        {
            var roff = tree.Read(page) ?? "";
            if (NameLine(roff) is not { } s) continue;
            var names = Names(roff) ?? "";
            var own = PageName(page).Equals(name, StringComparison.OrdinalIgnoreCase)
                || Regex.IsMatch(names, @"(^|[\s,])(" + Regex.Escape(name) + @"|@PACKAGE(_NAME|_TARNAME)?@)([\s,]|$)", RegexOptions.IgnoreCase);
            if (own) return (s, page);
        }
        return null;
    }

    /// <summary>The text after the last " - " of the NAME section, roff escapes removed.</summary>
    public static string? NameLine(string roff) => Split(roff) is { } p ? p.Description : null;

    private static string? Names(string roff) => Split(roff) is { } p ? p.Names : null;

    private static (string Names, string Description)? Split(string roff)
    {
        var m = Regex.Match(roff, @"^\.SH\s+""?NAME""?\s*\n((?:(?!\.SH)[^\n]*\n){1,4})", RegexOptions.Multiline);
        if (!m.Success) return null;
        var text = string.Join(' ', m.Groups[1].Value.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('.')));
        text = Regex.Replace(text, @"\\f[BIRP]|\\f\(..|\\&", "").Replace(@"\-", "-", StringComparison.Ordinal).Replace(@"\.", ".", StringComparison.Ordinal);
        // An em or en dash as the separator (units 2.22: "units \(em unit conversion and calculation program").
        text = Regex.Replace(text, @"\\\((em|en)|\\\[(em|en)\]", "-");
        var i = text.LastIndexOf(" - ", StringComparison.Ordinal);
        if (i < 0) return null;
        var s = text[(i + 3)..].Trim().TrimEnd('.');
        return s.Length > 0 ? (text[..i].Trim(), s) : null;
    }

    private static IEnumerable<string> Pages(SourceTree tree)
    {
        foreach (var dir in new[] { "", "doc", "docs", "man", "programs", "src" })
        {
            var full = tree.File(dir);
            if (!Directory.Exists(full)) continue;
            foreach (var f in Directory.EnumerateFiles(full).Order(StringComparer.Ordinal))
            {
                var file = Path.GetFileName(f);
                if (PageFile().IsMatch(file)) yield return dir.Length == 0 ? file : dir + "/" + file;
            }
        }
    }

    private static string PageName(string path) => PageFile().Match(Path.GetFileName(path)).Groups[1].Value;

    // units.1 and its sources: units.1.in, units.1.prebuilt, units.man (units 2.22, made into units.1 by the build),
    // less.nro (less 590; its less.man is the formatted page, without roff, so it has no NAME line to read).
    [GeneratedRegex(@"^([\w.+-]+?)\.([1-8](\.in|\.prebuilt)?|man|nro)$")]
    private static partial Regex PageFile();
}
