// SPDX license identifiers OpsKit knows (the common ones in distributions),
// expression checking, and the legacy names found in metadata. The same list
// is written into the rpmlint profile's ValidLicenses.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source;

/// <summary>SPDX identifiers and expressions.</summary>
public static partial class Spdx
{
    /// <summary>Known identifiers (a subset of the SPDX list: what packages commonly use).</summary>
    public static IReadOnlyList<string> Identifiers { get; } =
    [
        "0BSD", "AFL-2.1", "AFL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0", "APSL-2.0",
        "Artistic-1.0-Perl", "Artistic-2.0", "Beerware", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent",
        "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "bzip2-1.0.6", "CC-BY-3.0", "CC-BY-4.0",
        "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CECILL-2.1", "ClArtistic", "CPL-1.0", "curl", "ECL-2.0",
        "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2", "FSFAP", "FSFUL", "FSFULLR", "FTL", "GFDL-1.1-or-later", "GFDL-1.2-or-later", "GFDL-1.3-only",
        "GFDL-1.3-or-later", "GPL-1.0-only", "GPL-1.0-or-later", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only",
        "GPL-3.0-or-later", "HPND", "ICU", "IJG", "ImageMagick", "Info-ZIP", "IPA", "IPL-1.0", "ISC", "LGPL-2.0-only",
        "LGPL-2.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "Libpng",
        "libpng-2.0", "libtiff", "LPL-1.02", "LPPL-1.3c", "MirOS", "MIT", "MIT-0", "MIT-CMU", "MPL-1.0", "MPL-1.1", "MPL-2.0", "MS-PL",
        "MS-RL", "NCSA", "NTP", "OFL-1.1", "OpenSSL", "OSL-3.0", "PHP-3.01", "PostgreSQL", "PSF-2.0", "Python-2.0",
        "Python-2.0.1", "Ruby", "SGI-B-2.0", "SL", "Sleepycat", "SMLNJ", "TCL", "Unicode-3.0", "Unicode-DFS-2016", "Unlicense", "UPL-1.0",
        "Vim", "W3C", "WTFPL", "X11", "XFree86-1.1", "Zlib", "ZPL-2.0", "ZPL-2.1",
        "LicenseRef-Fedora-Public-Domain", "LicenseRef-Callaway-Public-Domain",
    ];

    /// <summary>Exception identifiers allowed after WITH.</summary>
    public static IReadOnlyList<string> Exceptions { get; } =
    [
        "Autoconf-exception-generic", "Autoconf-exception-3.0", "Bison-exception-2.2", "Classpath-exception-2.0",
        "GCC-exception-3.1", "LLVM-exception", "OpenSSL-exception", "Font-exception-2.0", "Linux-syscall-note",
    ];

    private static readonly Dictionary<string, string> s_byUpper =
        Identifiers.Concat(Exceptions).ToDictionary(i => i.ToUpperInvariant(), i => i);

    // Old Fedora short names, Python trove classifiers and "+"-suffixed forms.
    private static readonly Dictionary<string, string> s_legacy = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MIT License"] = "MIT", ["Apache Software License"] = "Apache-2.0", ["ASL 2.0"] = "Apache-2.0",
        ["Apache License 2.0"] = "Apache-2.0", ["Apache 2.0"] = "Apache-2.0", ["Apache-2"] = "Apache-2.0",
        ["BSD License"] = "BSD-3-Clause", ["ISC License (ISCL)"] = "ISC", ["Mozilla Public License 2.0 (MPL 2.0)"] = "MPL-2.0",
        ["GPLv2"] = "GPL-2.0-only", ["GPLv2+"] = "GPL-2.0-or-later", ["GPLv3"] = "GPL-3.0-only", ["GPLv3+"] = "GPL-3.0-or-later",
        ["LGPLv2+"] = "LGPL-2.1-or-later", ["LGPLv3+"] = "LGPL-3.0-or-later", ["GPL-2.0"] = "GPL-2.0-only", ["GPL-3.0"] = "GPL-3.0-only",
        ["GPL-2.0+"] = "GPL-2.0-or-later", ["GPL-3.0+"] = "GPL-3.0-or-later", ["LGPL-2.1"] = "LGPL-2.1-only", ["LGPL-2.1+"] = "LGPL-2.1-or-later",
        ["LGPL-3.0"] = "LGPL-3.0-only", ["LGPL-3.0+"] = "LGPL-3.0-or-later", ["AGPL-3.0"] = "AGPL-3.0-only",
        ["GNU General Public License v2 (GPLv2)"] = "GPL-2.0-only", ["GNU General Public License v3 (GPLv3)"] = "GPL-3.0-only",
        ["GNU General Public License v2 or later (GPLv2+)"] = "GPL-2.0-or-later", ["GNU General Public License v3 or later (GPLv3+)"] = "GPL-3.0-or-later",
        ["GNU Lesser General Public License v2 or later (LGPLv2+)"] = "LGPL-2.1-or-later", ["Public Domain"] = "LicenseRef-Fedora-Public-Domain",
        ["The Unlicense (Unlicense)"] = "Unlicense", ["zlib/libpng License"] = "Zlib", ["Boost Software License 1.0 (BSL-1.0)"] = "BSL-1.0",
    };

    /// <summary>A valid SPDX expression in canonical case, from SPDX or a known legacy name; null when unknown.</summary>
    public static string? Normalise(string license)
    {
        var trimmed = license.Trim();
        if (s_legacy.TryGetValue(trimmed, out var mapped)) return mapped;
        var tokens = Token().Matches(trimmed).Select(m => m.Value).ToList();
        if (tokens.Count == 0 || Token().Replace(trimmed, "").Trim().Length > 0) return null;
        var output = new List<string>();
        foreach (var t in tokens)
        {
            if (t is "(" or ")") output.Add(t);
            else if (t.ToUpperInvariant() is "AND" or "OR" or "WITH") output.Add(t.ToUpperInvariant());
            else if (s_byUpper.TryGetValue(t.ToUpperInvariant(), out var id)) output.Add(id);
            else if (t.StartsWith("LicenseRef-", StringComparison.Ordinal)) output.Add(t);
            else if (s_legacy.TryGetValue(t, out var legacy)) output.Add(legacy);
            else return null;
        }
        return Regex.Replace(string.Join(' ', output), @"\( | \)", m => m.Value.Trim());
    }

    /// <summary>True when every identifier of the expression is known.</summary>
    public static bool IsValid(string expression) => Normalise(expression) == expression.Trim();

    [GeneratedRegex(@"\(|\)|[A-Za-z0-9.+-]+")]
    private static partial Regex Token();
}
