// Inspects a source tree: shape, metadata, name and version (flags >
// build files > archive name), license, summary, docs, Source0 and %autosetup -n.
using System.Text.RegularExpressions;
using OpsKit.Core;
using OpsKit.Rpm.Source.Readers;

namespace OpsKit.Rpm.Source;

/// <summary>Turns a source tree into an <see cref="Inspection"/>.</summary>
public static partial class SourceInspector
{
    /// <summary>Inspects; errors (no build system, no name or version, no license) name the input and the flag that fixes them.</summary>
    public static Inspection Inspect(SourceTree tree, string input, InspectOptions options)
    {
        var shape = ShapeDetector.Detect(tree, input);
        var meta = BundledFolders.Resolve(tree, shape, Read(tree, shape), input);
        var notes = new List<string>(meta.Notes);
        // The build-system rule, stated where the files leave a choice: a top-level Makefile that installs wins;
        // without one, CMake or Meson files in a subfolder; without those, the Makefile's build output.
        if (meta.SourceDir is { } sub)
            notes.Add($"built with {sub}/{(shape == Shape.CMake ? "CMakeLists.txt" : "meson.build")} (%_vpath_srcdir): the top level has no Makefile with an install target");
        else if (shape == Shape.Makefile && ShapeDetector.SubfolderBuild(tree) is { } other && meta.Makefile is { HasInstall: true })
            notes.Add($"the top-level Makefile's install target is used; {other.Dir} also has {other.Shape.Name()} files (rule: a Makefile that installs wins)");
        var evidence = new List<string>();
        var (name, nameFrom) = ChooseName(tree, meta, options, notes);
        if (name is null)
            throw OpsKitException.BadData($"{input}: cannot derive a package name from the build files or '{tree.ArchiveName ?? tree.TopDirName ?? input}'; pass --name");
        var (rawVersion, versionFrom) = ChooseVersion(tree, meta, options, notes);
        if (rawVersion is null)
            throw OpsKitException.BadData($"{input}: cannot derive a version from the build files or '{tree.ArchiveName ?? tree.TopDirName ?? input}' (expected NAME-VERSION)"
                + string.Concat(notes.Where(n => n.StartsWith("version", StringComparison.Ordinal)).Select(n => " [" + n + "]")) + "; pass --version");
        evidence.Add($"name: {name} ({nameFrom})");
        evidence.Add($"version: {rawVersion} ({versionFrom})");
        if (!ValidName().IsMatch(name)) throw OpsKitException.BadData($"{input}: '{name}' is not a valid package name; pass --name");
        var version = rawVersion.TrimStart('v', 'V').Replace('-', '~');
        if (!ValidVersion().IsMatch(version)) throw OpsKitException.BadData($"{input}: '{rawVersion}' is not a usable version; pass --version");
        if (version != rawVersion) notes.Add($"version '{rawVersion}' written as '{version}' (rpm versions cannot contain '-')");

        LicenseFinding license;
        if (options.License is { } given)
        {
            var spdx = Spdx.Normalise(given);
            license = new LicenseFinding(spdx ?? given, "--license", spdx is null);
            if (spdx is null) notes.Add($"license '{given}' uses identifiers outside OpsKit's SPDX list; check it");
        }
        else
        {
            license = LicenseDetector.Detect(tree, meta.License, meta.Origin ?? "metadata");
            if (license.Expression is null)
                throw OpsKitException.BadData($"{input}: no license found ({license.Evidence}); pass --license with an SPDX expression");
            if (license.NeedsReview) notes.Add($"license '{license.Expression}' is a guess from {license.Evidence}; check it");
        }
        evidence.Add($"license: {license.Expression} ({license.Evidence})");

        var readme = ReadmeReader.Read(tree);
        // Summary: metadata (project() DESCRIPTION, package metadata), the man page NAME line, the README;
        // the first that is a summary (no instruction, badge, URL or markup; at most 79 columns).
        var pc = PkgConfigReader.Summary(tree, name);
        var candidates = new List<(string? Text, string From)>
        {
            (meta.Summary, meta.Origin ?? "metadata"),
            (ManPageReader.Summary(tree, name) is { } page ? page.Summary : null, "man page NAME line"),
            (readme.Summary, "README"),
            (pc?.Description, $"{pc?.File} Description"),
        };
        string? summary = options.Summary?.Trim();
        foreach (var (text, from) in candidates)
        {
            if (summary is not null) break;
            if (text is null) continue;
            var cleaned = Clean(DropName(ReadmeReader.Unmark(text), name, meta.DistName));
            // "Portable Network Graphics (PNG) Reference Library 1.6.39" (libpng.3): the version belongs in Version:.
            if (cleaned is not null) cleaned = Regex.Replace(cleaned, @"\s+v?" + Regex.Escape(rawVersion) + "$", "");
            if (Summary.IsBoilerplate(cleaned, name))
            {
                notes.Add($"summary candidate from {from} only names the package: '{Truncate(text)}'");
                continue;
            }
            if (Summary.IsSummary(cleaned)) { summary = cleaned; evidence.Add($"summary: {from}"); }
            else if (Shorten(cleaned) is { } shorter)
            {
                summary = shorter;
                evidence.Add($"summary: {from}, cut at its first comma");
                notes.Add($"summary is the sentence from {from} cut at its first comma (the whole is over 79 columns): check it");
            }
            else notes.Add($"summary candidate from {from} is not a summary (an instruction, badge, URL, markup or over 79 columns): '{Truncate(text)}'");
        }
        if (summary is null)
        {
            summary = $"The {name} package";
            notes.Add("no usable summary in metadata, man pages or README; write one (--summary)");
        }
        // A README paragraph that leads into a list ends with ':'; as a description it ends the sentence.
        var description = Clean(ReadmeReader.Unmark(meta.Description ?? readme.Description ?? summary))!.TrimEnd(':', ' ');
        if ((char.IsLetterOrDigit(description[^1]) || description[^1] == ')') && !description.Split(' ')[^1].Contains("://", StringComparison.Ordinal)) description += ".";
        var url = meta.Url ?? ReadmeReader.ProjectHomePage(tree, name);
        if (url is null) notes.Add("no home page found; add a URL: tag");

        var (source0, setupArgs) = SourceNaming(tree, name, version, meta.DistName);
        return new Inspection
        {
            Tree = tree, Shape = shape, Name = name, Version = version, Summary = summary, Description = description, Url = url,
            License = license, Meta = meta, Source0 = source0, SetupArgs = setupArgs, Notes = notes, Evidence = evidence,
            LicenseFiles = LicenseDetector.LicenseFiles(tree).Concat(license.Files).Distinct().Where(f => new FileInfo(tree.File(f)).Length > 0).ToList(),
            DocFiles = tree.TopFiles().Where(f => DocName().IsMatch(f) && new FileInfo(tree.File(f)).Length > 0).ToList(),
        };
    }

    /// <summary>A sentence over 79 columns cut before its first comma ("User-mode networking library used by virtual machines,
    /// containers or various tools" -> "User-mode networking library used by virtual machines"), when that part is a summary of
    /// at least four words; else null.</summary>
    internal static string? Shorten(string? sentence)
    {
        if (sentence is null || sentence.Length <= 79 || Summary.IsInstruction(sentence)) return null;
        var comma = sentence.IndexOf(", ", StringComparison.Ordinal);
        if (comma < 0) return null;
        var head = sentence[..comma].TrimEnd();
        // A head that stops on an article, adjective or joining word ("Sodium is a new") is not a phrase.
        return head.Split(' ').Length >= 4 && Summary.IsSummary(head) && !Regex.IsMatch(head, @"[(\[]")
            && !Regex.IsMatch(head, @"\b(a|an|the|new|and|or|of|for|with|to|in|is|are|by|as|very|most|more)$", RegexOptions.IgnoreCase) ? head : null;
    }

    private static string Truncate(string s) => s.Length > 60 ? s[..60] + "..." : s;

    /// <summary>Splits "name-1.2.3" into its parts; either may be null.</summary>
    public static (string? Name, string? Version) SplitNameVersion(string stem) => Identity.SplitLabel(stem);

    /// <summary>The archive file name and its top folder, each split as NAME-VERSION (the folder of a git-tag archive included).</summary>
    private static IEnumerable<(string Label, string? Name, string? Version)> Labels(SourceTree tree)
    {
        foreach (var label in new[] { tree.ArchiveName is { } a ? StripSuffix(a) : null, tree.TopDirName }.OfType<string>().Distinct())
        {
            var (n, v) = Identity.SplitLabel(label);
            yield return (label, n, v);
        }
    }

    /// <summary>The name rule: --name; the ecosystem name for Perl and Python (perl-Dist, python-dist); else the
    /// archive's NAME when the archive (or its folder) is NAME-VERSION, since that is what users download and
    /// search for (libyaml, not AC_INIT's "yaml"); else the build files' project name; else the archive stem.
    /// A build-file name that differs from the chosen one is shown in the review notes.</summary>
    private static (string? Name, string From) ChooseName(SourceTree tree, ProjectMetadata meta, InspectOptions options, List<string> notes)
    {
        if (options.Name is not null) return (options.Name, "--name");
        if (meta.DistName is not null && meta.Name is not null) return (meta.Name, meta.Origin ?? "metadata");
        var labelled = Labels(tree).FirstOrDefault(l => l.Name is not null && l.Version is not null && ValidName().IsMatch(l.Name));
        if (labelled.Name is not null)
        {
            if (meta.Name is not null && !meta.Name.Equals(labelled.Name, StringComparison.OrdinalIgnoreCase))
                notes.Add($"name '{labelled.Name}' is the archive's ({labelled.Label}); {meta.Origin} says '{meta.Name}' (rule: the archive name wins; pass --name to choose the other)");
            return (labelled.Name, labelled.Label);
        }
        if (meta.Name is not null && ValidName().IsMatch(meta.Name)) return (meta.Name, meta.Origin ?? "metadata");
        var stem = Labels(tree).FirstOrDefault(l => l.Name is not null);
        return (stem.Name, stem.Label ?? "archive name");
    }

    /// <summary>The version rule: --version; the build files' version when it is a version (digits and dots,
    /// optional suffix; an unexpanded macro is rejected with a note); the archive name; its top folder;
    /// NEWS/ChangeLog. When the build files and the archive name disagree, the archive's wins (it is the
    /// Source0 the spec names) and the disagreement is noted.</summary>
    private static (string? Version, string From) ChooseVersion(SourceTree tree, ProjectMetadata meta, InspectOptions options, List<string> notes)
    {
        if (options.Version is not null) return (options.Version, "--version");
        var labelled = Labels(tree).FirstOrDefault(l => l.Version is not null);
        if (meta.Version is { } declared)
        {
            if (Identity.IsVersion(declared))
            {
                if (labelled.Version is null || Norm(labelled.Version) == Norm(declared)) return (declared, meta.VersionOrigin ?? meta.Origin ?? "metadata");
                notes.Add($"version: {meta.VersionOrigin ?? meta.Origin} says '{declared}', the archive {labelled.Label} says '{labelled.Version}'; used the archive's (rule: the archive is Source0, and build files often miss a version bump; pass --version to choose the other)");
                return (labelled.Version, labelled.Label);
            }
            notes.Add($"version: {meta.VersionOrigin ?? meta.Origin} gives '{declared}', {Identity.WhyNotVersion(declared)}, not a version; not used");
        }
        if (labelled.Version is not null) return (labelled.Version, labelled.Label);
        var (news, file) = Identity.FromNews(tree);
        if (news is not null)
        {
            notes.Add($"version {news} taken from {file}: check it");
            return (news, file!);
        }
        return (null, "");

        static string Norm(string v) => v.TrimStart('v', 'V').Replace('-', '~').Replace('_', '~');
    }

    private static string StripSuffix(string label) =>
        SourceArchive.SuffixOf(label) is { } s ? label[..^s.Length] : label;

    private static ProjectMetadata Read(SourceTree tree, Shape shape) => shape switch
    {
        Shape.Autotools or Shape.AutotoolsBootstrap => AutotoolsReader.Read(tree),
        Shape.CMake => CMakeReader.Read(tree, ShapeDetector.SubfolderBuild(tree)?.Dir ?? ""),
        Shape.Meson => MesonReader.Read(tree, ShapeDetector.SubfolderBuild(tree)?.Dir ?? ""),
        Shape.Python => PythonReader.Read(tree),
        Shape.Go => CargoGoReader.ReadGo(tree),
        Shape.Rust => CargoGoReader.ReadCargo(tree),
        Shape.PerlMakeMaker => PerlReader.Read(tree, moduleBuild: false),
        Shape.PerlModuleBuild => PerlReader.Read(tree, moduleBuild: true),
        Shape.Makefile => MakefileReader.Read(tree),
        _ => new ProjectMetadata { Scripts = ScriptFinder.Find(tree), UsesC = false },
    };

    /// <summary>Source0 with macros where the file name follows NAME-VERSION, and the %autosetup directory argument.</summary>
    private static (string Source0, string SetupArgs) SourceNaming(SourceTree tree, string name, string version, string? dist)
    {
        string Macroise(string s)
        {
            if (s.StartsWith($"{name}-{version}", StringComparison.Ordinal)) return "%{name}-%{version}" + s[(name.Length + version.Length + 1)..];
            if (dist is not null && s.StartsWith($"{dist}-{version}", StringComparison.Ordinal)) return dist + "-%{version}" + s[(dist.Length + version.Length + 1)..];
            return s.Replace(version, "%{version}", StringComparison.Ordinal);
        }
        var source0 = tree.ArchiveName is { } archive ? Macroise(archive) : "%{name}-%{version}.tar.gz";
        string setup;
        if (tree.ArchivePath is not null && tree.TopDirName is null) setup = "-c";
        else if (tree.ArchivePath is null || tree.TopDirName == $"{name}-{version}") setup = "";
        else setup = "-n " + Macroise(tree.TopDirName!);
        return (source0, setup);
    }

    /// <summary>"greet prints greetings" -> "prints greetings": rpmlint flags a summary that repeats the name.</summary>
    private static string? DropName(string? summary, string name, string? dist)
    {
        if (summary is null) return null;
        // "Sodium is a new, easy-to-use software library" (libsodium): the name without its "lib" too.
        var bare = name.StartsWith("lib", StringComparison.OrdinalIgnoreCase) && name.Length > 3 ? name[3..] : null;
        foreach (var n in new[] { name, dist, bare }.OfType<string>())
        {
            // "This is Expat, a C library for parsing XML" (expat 2.5.0, jo 1.9) as well.
            var m = Regex.Match(summary, @"^\s*(this is\s+)?" + Regex.Escape(n) + @"(\s+is)?(\s*[-:,]\s*|\s+)(?<rest>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline);
            if (m.Success) return Regex.Replace(m.Groups["rest"].Value, @"^(an?|the)\s+", "", RegexOptions.IgnoreCase);
        }
        return summary;
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = Regex.Replace(text.Trim(), @"\s+", " ").Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal);
        s = s.TrimEnd('.');
        return s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+-]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+~^]*$")]
    private static partial Regex ValidVersion();

    [GeneratedRegex(@"^(README|NEWS|CHANGELOG|ChangeLog|CHANGES|HISTORY|AUTHORS|CONTRIBUTING|TODO)", RegexOptions.IgnoreCase)]
    private static partial Regex DocName();
}
