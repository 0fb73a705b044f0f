// Perl distributions: META.json (name, version, abstract, license), else
// Makefile.PL/Build.PL keyword arguments. Packages are named perl-Dist-Name.
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads Perl projects.</summary>
internal static partial class PerlReader
{
    public static ProjectMetadata Read(SourceTree tree, bool moduleBuild)
    {
        string? dist = null, version = null, summary = null, license = null, url = null;
        var requires = new List<string>();
        if (tree.Read("META.json") is { } json)
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                dist = Str(root, "name");
                version = Str(root, "version");
                summary = Str(root, "abstract");
                if (root.TryGetProperty("license", out var l) && l.ValueKind == JsonValueKind.Array)
                    license = string.Join(" AND ", l.EnumerateArray().Select(e => CpanLicense(e.GetString() ?? "")));
                if (root.TryGetProperty("resources", out var r) && r.TryGetProperty("homepage", out var h)) url = h.GetString();
            }
            catch (JsonException e)
            {
                throw Core.OpsKitException.BadData($"{tree.File("META.json")}: {e.Message}");
            }
        }
        var pl = tree.Read(moduleBuild ? "Build.PL" : "Makefile.PL") ?? "";
        dist ??= Arg(pl, moduleBuild ? "module_name" : "NAME")?.Replace("::", "-", StringComparison.Ordinal);
        version ??= Arg(pl, "VERSION") ?? Arg(pl, "dist_version");
        summary ??= Arg(pl, "ABSTRACT") ?? Arg(pl, "dist_abstract");
        license ??= Arg(pl, moduleBuild ? "license" : "LICENSE") is { } lic ? CpanLicense(lic) : null;
        if (version is null && (Arg(pl, "VERSION_FROM") ?? Arg(pl, "dist_version_from")) is { } from && tree.Read(from) is { } pm)
            version = VersionAssign().Match(pm) is { Success: true } m ? m.Groups[1].Value : null;
        requires.Add(moduleBuild ? "perl(Module::Build)" : "perl(ExtUtils::MakeMaker)");
        return new ProjectMetadata
        {
            Name = dist is null ? null : "perl-" + dist,
            DistName = dist,
            Version = version,
            Summary = summary,
            License = license,
            Url = url ?? (dist is null ? null : $"https://metacpan.org/dist/{dist}"),
            Origin = tree.Has("META.json") ? "META.json" : moduleBuild ? "Build.PL" : "Makefile.PL",
            BuildRequires = requires,
            UsesC = Directory.EnumerateFiles(tree.Root, "*.xs").Any(),
            CheckTarget = "test",
        };
    }

    /// <summary>CPAN::Meta license keys to SPDX.</summary>
    public static string CpanLicense(string key) => key switch
    {
        "perl_5" or "perl" => "GPL-1.0-or-later OR Artistic-1.0-Perl",
        "mit" => "MIT",
        "apache_2_0" => "Apache-2.0",
        "bsd" => "BSD-3-Clause",
        "gpl_2" => "GPL-2.0-or-later",
        "gpl_3" => "GPL-3.0-or-later",
        "lgpl_2_1" => "LGPL-2.1-or-later",
        "lgpl_3_0" => "LGPL-3.0-or-later",
        "artistic_2" => "Artistic-2.0",
        "mozilla_2_0" => "MPL-2.0",
        _ => key,
    };

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Arg(string text, string key) =>
        Regex.Match(text, @"['""]?\b" + key + @"\b['""]?\s*=>\s*['""]([^'""]+)['""]") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"\$VERSION\s*=\s*['""]?([0-9][0-9._]*)")]
    private static partial Regex VersionAssign();
}
