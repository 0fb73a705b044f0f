// License -> SPDX (research note 5): ecosystem metadata first, then
// SPDX-License-Identifier headers, then fingerprints of LICENSE/COPYING texts.
// GPL-family texts say nothing about "-or-later"; that comes from the
// "any later version" grant in README or source headers.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source;

/// <summary>The license found and how.</summary>
/// <param name="Expression">SPDX expression, or null when nothing was found.</param>
/// <param name="Evidence">Where it came from.</param>
/// <param name="NeedsReview">True when a guess was made (GPL "-only" without an explicit grant, unknown names).</param>
public sealed record LicenseFinding(string? Expression, string Evidence, bool NeedsReview)
{
    /// <summary>License texts found below the top level that the package must ship with %license (lz4: lib/LICENSE, programs/COPYING).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

/// <summary>Detects licenses.</summary>
public static partial class LicenseDetector
{
    private static readonly (string Id, string[] Phrases)[] s_fingerprints =
    [
        ("AGPL-3.0", ["gnu affero general public license", "version 3"]),
        ("LGPL-2.1", ["gnu lesser general public license", "version 2.1"]),
        ("LGPL-3.0", ["gnu lesser general public license", "version 3"]),
        ("LGPL-2.0", ["gnu library general public license", "version 2"]),
        ("GPL-3.0", ["gnu general public license", "version 3, 29 june 2007"]),
        ("GPL-2.0", ["gnu general public license", "version 2, june 1991"]),
        ("Apache-2.0", ["apache license", "version 2.0"]),
        ("MPL-2.0", ["mozilla public license", "2.0"]),
        ("BSL-1.0", ["boost software license - version 1.0"]),
        ("Artistic-2.0", ["the artistic license 2.0"]),
        ("Unlicense", ["this is free and unencumbered software released into the public domain"]),
        ("Zlib", ["this software is provided 'as-is', without any express or implied warranty", "altered source versions must be plainly marked"]),
        // libpng 1.6.36 and later: version 2 of its licence, followed in the same file by version 1 for older releases (SPDX libpng-2.0 covers both).
        ("libpng-2.0", ["png reference library license version 2", "altered source versions must be plainly marked"]),
        ("BSD-3-Clause", ["redistribution and use in source and binary forms", "neither the name"]),
        ("BSD-2-Clause", ["redistribution and use in source and binary forms", "redistributions in binary form must reproduce"]),
        ("MIT", ["permission is hereby granted, free of charge", "the above copyright notice and this permission notice shall be included"]),
        // The X.Org wording (pixman's COPYING): same grant, "(including the next paragraph)".
        ("MIT", ["permission is hereby granted, free of charge", "the above copyright notice and this permission notice (including the next paragraph) shall be included"]),
        ("ISC", ["permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies"]),
        ("ISC", ["permission to use, copy, modify, and distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies"]),
        // sl's own licence (SPDX "SL").
        ("SL", ["everyone is permitted to do anything on this program including copying, modifying, and improving, unless you try to pretend that you wrote it"]),
        ("0BSD", ["permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted"]),
    ];

    /// <summary>License files: LICEN[CS]E*, COPYING*, COPYRIGHT*, NOTICE*, UNLICENSE* at the top level, else in doc/ or docs/ (pv: doc/COPYING).</summary>
    public static IReadOnlyList<string> LicenseFiles(SourceTree tree)
    {
        var top = tree.TopFiles().Where(f => LicenseName().IsMatch(f)).ToList();
        if (top.Count > 0) return top;
        foreach (var dir in new[] { "doc", "docs", "LICENSES", "licenses" })
        {
            if (!Directory.Exists(tree.File(dir))) continue;
            var found = Directory.EnumerateFiles(tree.File(dir)).Select(Path.GetFileName).OfType<string>()
                .Where(f => LicenseName().IsMatch(f) || dir.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).Select(f => dir + "/" + f).ToList();
            if (found.Count > 0) return found;
        }
        return [];
    }

    /// <summary>Finds the license: metadata, then SPDX headers, then license texts.</summary>
    public static LicenseFinding Detect(SourceTree tree, string? metadataLicense, string metadataSource)
    {
        if (!string.IsNullOrWhiteSpace(metadataLicense))
        {
            var spdx = Spdx.Normalise(metadataLicense);
            return new LicenseFinding(spdx ?? metadataLicense, spdx is null || spdx == metadataLicense.Trim() ? metadataSource : $"{metadataSource}: '{metadataLicense}'", spdx is null);
        }
        var headers = SpdxHeaders(tree);
        if (headers.Count > 0)
            return new LicenseFinding(string.Join(" AND ", headers), "SPDX-License-Identifier headers", false);
        var found = new List<(string Id, string File)>();
        foreach (var file in LicenseFiles(tree))
        {
            var text = Normalise(tree.Read(file) ?? "");
            var title = text[..Math.Min(text.Length, 600)];
            foreach (var (id, phrases) in s_fingerprints)
            {
                // The GNU texts name each other in their preambles (GPL-2.0 mentions the Library GPL): the name must be in the title.
                var head = id.Contains("GPL", StringComparison.Ordinal) ? title : text;
                if (head.Contains(phrases[0], StringComparison.Ordinal) && phrases.Skip(1).All(p => text.Contains(p, StringComparison.Ordinal))) { found.Add((id, file)); break; }
            }
        }
        // A top-level file that only explains the split (lz4: "lib uses BSD-2-Clause, the rest GPLv2") leaves the texts in subfolders.
        var nested = new List<string>();
        if (found.Count == 0)
        {
            foreach (var file in NestedLicenseFiles(tree))
            {
                var text = Normalise(tree.Read(file) ?? "");
                var title = text[..Math.Min(text.Length, 600)];
                foreach (var (id, phrases) in s_fingerprints)
                {
                    var head = id.Contains("GPL", StringComparison.Ordinal) ? title : text;
                    if (head.Contains(phrases[0], StringComparison.Ordinal) && phrases.Skip(1).All(p => text.Contains(p, StringComparison.Ordinal))) { found.Add((id, file)); nested.Add(file); break; }
                }
            }
        }
        if (found.Count == 0 && Stated(tree) is { } words) return words;
        if (found.Count == 0 && ReadmeLicense(tree) is { } stated) return stated;
        if (found.Count == 0) return new LicenseFinding(null, "no license metadata, SPDX header or known license text" + Unversioned(tree), true);
        var review = false;
        var ids = new List<string>();
        foreach (var (id, _) in found)
        {
            if (id.Contains("GPL", StringComparison.Ordinal))
            {
                var later = MentionsLaterVersion(tree);
                ids.Add(id + (later ? "-or-later" : "-only"));
                review |= !later;
            }
            else ids.Add(id);
        }
        var distinct = ids.Distinct().Order(StringComparer.Ordinal).ToList();
        var grant = distinct.Count > 1 ? DualGrant(tree) : null;
        return new LicenseFinding(string.Join(grant is null ? " AND " : " OR ", distinct), "license text in " + string.Join(", ", found.Select(f => f.File).Distinct())
            + (grant is null ? "" : $" (a choice of licences: {grant})"), review) { Files = nested };
    }

    /// <summary>License files one or two folders down, outside tests, examples and bundled third-party code.</summary>
    private static IEnumerable<string> NestedLicenseFiles(SourceTree tree) =>
        Directory.EnumerateFiles(tree.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1 })
            .Select(f => Path.GetRelativePath(tree.Root, f).Replace('\\', '/'))
            .Where(f => f.Contains('/') && LicenseName().IsMatch(Path.GetFileName(f)))
            .Where(f => !Regex.IsMatch(f, @"^(tests?|examples?|third[_-]?party|vendor|contrib|ossfuzz|fuzz)/", RegexOptions.IgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>The license a README names in a "License"/"Copying" section or a "distributed under the ... license" sentence.</summary>
    private static LicenseFinding? ReadmeLicense(SourceTree tree)
    {
        foreach (var file in tree.TopFiles().Where(f => f.StartsWith("README", StringComparison.OrdinalIgnoreCase)))
        {
            var text = Normalise(tree.Read(file) ?? "");
            var at = Regex.Match(text, @"(licen[cs]e[sd]?|copying|distributed under|released under)");
            if (!at.Success) continue;
            var window = text[at.Index..Math.Min(text.Length, at.Index + 400)];
            foreach (var (id, pattern) in s_named)
            {
                if (Regex.IsMatch(window, pattern)) return new LicenseFinding(id, $"license named in {file}", id.Contains("GPL", StringComparison.Ordinal));
            }
        }
        return null;
    }

    private static readonly (string Id, string Pattern)[] s_named =
    [
        ("Artistic-2.0", @"artistic licen[cs]e,? (version )?2\.0|artistic-2\.0"),
        ("Apache-2.0", @"apache licen[cs]e,? (version )?2\.0|apache-2\.0"),
        ("MIT", @"\bmit licen[cs]e|\(mit\)|\bmit\b"),
        ("ISC", @"\bisc licen[cs]e"),
        ("Zlib", @"\bzlib licen[cs]e"),
        ("BSD-3-Clause", @"3-clause bsd|bsd 3-clause|new bsd licen[cs]e"),
        ("BSD-2-Clause", @"2-clause bsd|bsd 2-clause|simplified bsd"),
        ("LGPL-2.1-or-later", @"lesser general public licen[cs]e,? version 2\.1 or (any )?later"),
        ("GPL-3.0-or-later", @"gnu general public licen[cs]e,? version 3 or (any )?later"),
        ("GPL-2.0-or-later", @"gnu general public licen[cs]e,? version 2 or (any )?later"),
    ];

    // Comment leaders out (pixman's COPYING is a C comment, " * " before every line), then whitespace runs to one space.
    private static string Normalise(string text) =>
        Regex.Replace(Regex.Replace(text.ToLowerInvariant().Replace('\u2019', '\''), @"(?m)^[ \t]*(\*(?!/)|#|//|/\*)[ \t]?", " "), @"\s+", " ");

    private static bool MentionsLaterVersion(SourceTree tree) =>
        SampleFiles(tree).Any(f => Normalise(Head(f)) is var head && (head.Contains("any later version", StringComparison.Ordinal) || LaterShorthand(head)));

    private static List<string> SpdxHeaders(SourceTree tree)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in SampleFiles(tree))
        {
            foreach (Match m in SpdxHeader().Matches(Head(f))) ids.Add(m.Groups[1].Value.Trim());
        }
        return ids.ToList();
    }

    /// <summary>README plus up to 200 source files, for header evidence.</summary>
    private static IEnumerable<string> SampleFiles(SourceTree tree)
    {
        var readme = tree.TopFiles().Where(f => f.StartsWith("README", StringComparison.OrdinalIgnoreCase)).Select(tree.File);
        var sources = Directory.EnumerateFiles(tree.Root, "*", SearchOption.AllDirectories)
            .Where(f => SourceExt().IsMatch(f)).Order(StringComparer.Ordinal).Take(200);
        return readme.Concat(sources);
    }

    private static string Head(string file)
    {
        using var reader = new StreamReader(file);
        var buffer = new char[4096];
        return new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
    }

    [GeneratedRegex(@"^(LICEN[CS]E|COPYING|COPYRIGHT|NOTICE|UNLICENSE)", RegexOptions.IgnoreCase)]
    private static partial Regex LicenseName();

    [GeneratedRegex(@"SPDX-License-Identifier:\s*([A-Za-z0-9.+ ()-]+?)\s*(?:\*/|-->|$)", RegexOptions.Multiline)]
    private static partial Regex SpdxHeader();

    [GeneratedRegex(@"\.(c|h|cc|cpp|hpp|cxx|py|go|rs|pl|pm|sh|js|ts|java|rb)$")]
    private static partial Regex SourceExt();
}
