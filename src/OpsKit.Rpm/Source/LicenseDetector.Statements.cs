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
