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
        var meta = Read(tree, shape);
        var label = tree.ArchiveName ?? tree.TopDirName ?? input;
        var fromLabel = SplitNameVersion(StripSuffix(label));
        var notes = new List<string>();
        var evidence = new List<string>();

        var name = options.Name ?? meta.Name ?? fromLabel.Name
            ?? throw OpsKitException.BadData($"{input}: cannot derive a package name from the build files or '{label}'; pass --name");
        var rawVersion = options.Version ?? meta.Version ?? fromLabel.Version
            ?? throw OpsKitException.BadData($"{input}: cannot derive a version from the build files or '{label}' (expected NAME-VERSION); pass --version");
        evidence.Add($"name: {name} ({(options.Name is not null ? "--name" : meta.Name is not null ? meta.Origin : label)})");
        evidence.Add($"version: {rawVersion} ({(options.Version is not null ? "--version" : meta.Version is not null ? meta.Origin : label)})");
        if (!ValidName().IsMatch(name)) throw OpsKitException.BadData($"{input}: '{name}' is not a valid package name; pass --name");
        var version = rawVersion.TrimStart('v').Replace('-', '~');
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
        var summary = options.Summary?.Trim() ?? Clean(DropName(meta.Summary ?? readme.Summary, name, meta.DistName)) ?? $"The {name} package";
        if (options.Summary is null && meta.Summary is null && readme.Summary is null) notes.Add("no summary in metadata or README; write one");
        // A README paragraph that leads into a list ends with ':'; as a description it ends the sentence.
        var description = Clean(meta.Description ?? readme.Description ?? summary)!.TrimEnd(':', ' ');
        if (char.IsLetterOrDigit(description[^1]) && !description.Split(' ')[^1].Contains("://", StringComparison.Ordinal)) description += ".";
        var url = meta.Url ?? readme.Url;
        if (url is null) notes.Add("no home page found; add a URL: tag");

        var (source0, setupArgs) = SourceNaming(tree, name, version, meta.DistName);
        return new Inspection
        {
            Tree = tree, Shape = shape, Name = name, Version = version, Summary = summary, Description = description, Url = url,
            License = license, Meta = meta, Source0 = source0, SetupArgs = setupArgs, Notes = notes, Evidence = evidence,
            LicenseFiles = LicenseDetector.LicenseFiles(tree).Where(f => new FileInfo(tree.File(f)).Length > 0).ToList(),
            DocFiles = tree.TopFiles().Where(f => DocName().IsMatch(f) && new FileInfo(tree.File(f)).Length > 0).ToList(),
        };
    }

    /// <summary>Splits "name-1.2.3" into its parts; either may be null.</summary>
    public static (string? Name, string? Version) SplitNameVersion(string stem)
    {
        var m = NameVersion().Match(stem);
        if (m.Success) return (m.Groups[1].Value, m.Groups[2].Value);
        return (stem.Length > 0 && !char.IsDigit(stem[0]) ? stem : null, null);
    }

    private static string StripSuffix(string label) =>
        SourceArchive.SuffixOf(label) is { } s ? label[..^s.Length] : label;

    private static ProjectMetadata Read(SourceTree tree, Shape shape) => shape switch
    {
        Shape.Autotools or Shape.AutotoolsBootstrap => AutotoolsReader.Read(tree),
        Shape.CMake => CMakeReader.Read(tree),
        Shape.Meson => MesonReader.Read(tree),
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
        foreach (var n in new[] { name, dist }.OfType<string>())
        {
            var m = Regex.Match(summary, @"^\s*" + Regex.Escape(n) + @"(\s+is)?(\s*[-:,]\s*|\s+)(?<rest>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline);
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

    [GeneratedRegex(@"^(.+?)[-_]v?(\d[\w.+~]*(?:-(?:rc|alpha|beta|pre)[\w.]*)?)$")]
    private static partial Regex NameVersion();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+-]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+~^]*$")]
    private static partial Regex ValidVersion();

    [GeneratedRegex(@"^(README|NEWS|CHANGELOG|ChangeLog|CHANGES|HISTORY|AUTHORS|CONTRIBUTING|TODO)", RegexOptions.IgnoreCase)]
    private static partial Regex DocName();
}
