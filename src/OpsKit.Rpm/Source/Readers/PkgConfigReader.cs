// A library's pkg-config template (json-c.pc.in, yaml-0.1.pc.in, lzo2.pc.cmakein) carries a
// one-line Description its authors wrote for exactly this purpose: a summary candidate when the
// build files have none (CMake's project() rarely has DESCRIPTION, AC_INIT never).
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads the Description of the package's own .pc template.</summary>
internal static partial class PkgConfigReader
{
    /// <summary>The Description: line of the template named after the package (lib prefix, version and API suffixes
    /// ignored: libyaml's yaml-0.1.pc.in, pcre2's libpcre2-8.pc.in), or null; a value holding a substitution
    /// (@PACKAGE_DESCRIPTION@, ${X}) is not a description.</summary>
    public static (string Description, string File)? Summary(SourceTree tree, string name)
    {
        var stem = Stem(name);
        foreach (var file in Templates(tree))
        {
            var pc = Stem(PcName(file));
            // msgpack-c's template is msgpack.pc.in: the package name may add a language suffix to the library's.
            if (pc != stem && !stem.StartsWith(pc + "-", StringComparison.Ordinal)) continue;
            var m = DescriptionLine().Match(tree.Read(file) ?? "");
            if (!m.Success) continue;
            var text = m.Groups[1].Value.Trim();
            if (text.Length == 0 || Regex.IsMatch(text, @"@\w+@|\$[({]")) continue;
            return (text, file);
        }
        return null;
    }

    /// <summary>.pc templates at the top and one or two folders down (lib/, src/, cmake/, build/pkgconfig), tests and examples skipped.</summary>
    private static IEnumerable<string> Templates(SourceTree tree)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(tree.Root, "*.pc*", options)
            .Select(f => Path.GetRelativePath(tree.Root, f))
            .Where(f => TemplateName().IsMatch(Path.GetFileName(f)) && !Regex.IsMatch(f, @"(^|/)(tests?|examples?|contrib|fuzz)/", RegexOptions.IgnoreCase)
                && !f.Contains("uninstalled", StringComparison.Ordinal))
            .OrderBy(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal);
    }

    private static string PcName(string file) => TemplateName().Match(Path.GetFileName(file)).Groups[1].Value;

    /// <summary>"libpcre2-8" and "pcre2" -> "pcre"; "yaml-0.1" and "libyaml" -> "yaml"; "lzo2" -> "lzo".</summary>
    internal static string Stem(string name)
    {
        var s = name.ToLowerInvariant();
        if (s.StartsWith("lib", StringComparison.Ordinal) && s.Length > 3) s = s[3..];
        return Regex.Replace(s, @"[-_.]?[\d.]+(-[\d.]+)?$", "");
    }

    [GeneratedRegex(@"^([\w.+-]+?)\.pc\.(in|cmake|cmakein|meson)$")]
    private static partial Regex TemplateName();

    [GeneratedRegex(@"^Description:[ \t]*(.*)$", RegexOptions.Multiline)]
    private static partial Regex DescriptionLine();
}
