// Licences stated in words rather than by their text: "distributed under the same
// licensing terms as Perl" (cowsay 3.03's LICENSE, most CPAN READMEs) is Perl's
// dual licence, GPL-1.0-or-later OR Artistic-1.0-Perl (what CPAN's "perl_5" means).
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source;

public static partial class LicenseDetector
{
    private static readonly (string Id, string Pattern)[] s_statements =
    [
        ("GPL-1.0-or-later OR Artistic-1.0-Perl", @"(under|distributed under|with) the same (licen[cs]ing |copyright )?terms as (the )?perl\b"),
    ];

    /// <summary>"; pwgen.c names the GNU Public License without a version": the hint for the refusal when a source header
    /// names a GNU licence but no version (pwgen 2.08), which only the packager can settle; empty when there is none.</summary>
    private static string Unversioned(SourceTree tree)
    {
        foreach (var f in SampleFiles(tree))
        {
            var head = Normalise(Head(f));
            var m = Regex.Match(head, @"(under|terms of) the (gnu (lesser |library )?(general )?public licen[cs]e|gpl)\b(?!,? (version|v)\s*\d)");
            if (m.Success) return $"; {Path.GetRelativePath(tree.Root, f)} names the {Title(m.Groups[2].Value)} without a version, which only the packager can settle";
        }
        return "";
    }

    private static string Title(string words) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(words).Replace("Gnu", "GNU", StringComparison.Ordinal).Replace("Gpl", "GPL", StringComparison.Ordinal);

    /// <summary>"Released under the GNU GPLv2+" (htop 3.2.2's source headers), "GPL-2.0+", "GPL v3 or later": the
    /// "-or-later" grant in shorthand.</summary>
    private static bool LaterShorthand(string normalised) =>
        Regex.IsMatch(normalised, @"\b(gnu )?(l?gpl|general public licen[cs]e) ?(v|version )?\d(\.\d)?(\+|-or-later| or later\b)");

    /// <summary>The README or licence file sentence that offers a choice between the licences found (less 590: "under the
    /// terms of either: 1. The GNU General Public License ... or 2. The Less License"), or null: then they all apply.</summary>
    private static string? DualGrant(SourceTree tree)
    {
        foreach (var file in tree.TopFiles().Where(f => f.StartsWith("README", StringComparison.OrdinalIgnoreCase)).Concat(LicenseFiles(tree)))
        {
            var text = Normalise(tree.Read(file) ?? "");
            if (Regex.Match(text, @"(under the terms of either|at your (option|choice),? (under|either)|dual[- ]licen[cs]ed|either of the following licen[cs]es)") is { Success: true } m)
                return $"{file}: '{m.Value}'";
        }
        return null;
    }

    /// <summary>A licence stated in words in a licence file or README (no licence text matched), or null.</summary>
    private static LicenseFinding? Stated(SourceTree tree)
    {
        foreach (var file in LicenseFiles(tree).Concat(tree.TopFiles().Where(f => f.StartsWith("README", StringComparison.OrdinalIgnoreCase))))
        {
            var text = Normalise(tree.Read(file) ?? "");
            foreach (var (id, pattern) in s_statements)
            {
                if (Regex.IsMatch(text, pattern)) return new LicenseFinding(id, $"license stated in {file}", false);
            }
        }
        return null;
    }
}
