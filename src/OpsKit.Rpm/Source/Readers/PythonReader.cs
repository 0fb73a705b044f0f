// pyproject.toml [project] (PEP 621/639), else setup.cfg [metadata], else setup.py keyword arguments.
using System.Text.RegularExpressions;
using OpsKit.Core.Toml;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads Python projects.</summary>
internal static partial class PythonReader
{
    public static ProjectMetadata Read(SourceTree tree)
    {
        var meta = new ProjectMetadata();
        if (tree.Read("pyproject.toml") is { } py)
        {
            TomlTable doc;
            try
            {
                doc = TomlReader.Parse(py, tree.File("pyproject.toml"));
            }
            catch (TomlException e)
            {
                throw Core.OpsKitException.BadData(e.Message);
            }
            if (Toml.Table(doc, "project") is { } project)
            {
                var license = Toml.String(project, "license") ?? (Toml.Table(project, "license") is { } lt ? Toml.String(lt, "text") : null);
                meta = meta with
                {
                    Name = Toml.String(project, "name"),
                    Version = Toml.String(project, "version"),
                    Summary = Toml.String(project, "description"),
                    License = license ?? Classifiers(Toml.Strings(project, "classifiers")),
                    Url = Toml.Table(project, "urls") is { } urls
                        ? Toml.String(urls, "Homepage") ?? Toml.String(urls, "homepage") ?? Toml.String(urls, "Source") ?? Toml.String(urls, "Repository")
                        : null,
                    Origin = "pyproject.toml [project]",
                    Binaries = Toml.Table(project, "scripts") is { } scripts ? scripts.Keys.Order(StringComparer.Ordinal).ToList() : [],
                };
            }
        }
        if (meta.Name is null && tree.Read("setup.cfg") is { } cfg)
        {
            string? Key(string k) => Regex.Match(cfg, @"^" + k + @"\s*=\s*(.+)$", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
            meta = meta with { Name = Key("name"), Version = Key("version"), Summary = Key("description"), Url = Key("url"), License = Key("license"), Origin = "setup.cfg [metadata]" };
        }
        if (meta.Name is null && tree.Read("setup.py") is { } setup)
        {
            // The closing quote is the opening one: toml's description="Python Library for Tom's Obvious, Minimal Language".
            string? Arg(string k) => Regex.Match(setup, @"(?<![\w.])" + k + @"\s*=\s*(?:""([^""\n]+)""|'([^'\n]+)')") is { Success: true } m
                ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;
            meta = meta with { Name = Arg("name"), Version = Arg("version"), Summary = Arg("description"), Url = Arg("url"), License = Arg("license"), Origin = "setup.py setup()" };
        }
        var modules = Directory.EnumerateDirectories(tree.Root).Concat(Directory.Exists(tree.File("src")) ? Directory.EnumerateDirectories(tree.File("src")) : [])
            .Where(d => File.Exists(Path.Combine(d, "__init__.py"))).Select(Path.GetFileName).OfType<string>()
            .Concat(Directory.EnumerateFiles(tree.Root, "*.py").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(n => n is not ("setup" or "conftest")))
            .Where(n => !n.StartsWith("test", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        return meta with
        {
            DistName = meta.Name,
            Name = meta.Name is null ? null : "python-" + Normalise(meta.Name),
            UsesC = false,
            PythonModules = modules,
            CheckTarget = Directory.Exists(tree.File("tests")) || Directory.Exists(tree.File("test")) ? "pytest" : null,
        };
    }

    /// <summary>PEP 503 normalised name: lower case, runs of -_. become -.</summary>
    public static string Normalise(string name) => Regex.Replace(name.ToLowerInvariant(), "[-_.]+", "-");

    private static string? Classifiers(IReadOnlyList<string> classifiers)
    {
        foreach (var c in classifiers)
        {
            var m = Regex.Match(c, @"^License :: OSI Approved :: (.+)$");
            if (m.Success) return m.Groups[1].Value;
        }
        return null;
    }
}

/// <summary>Small helpers over OpsKit.Core.Toml for reading metadata.</summary>
internal static class Toml
{
    public static TomlTable? Table(TomlTable t, string key) => t.TryGetValue(key, out var n) ? n as TomlTable : null;

    public static string? String(TomlTable t, string key) =>
        t.TryGetValue(key, out var n) && n is TomlValue { Kind: TomlValueKind.String } v ? v.AsString() : null;

    public static IReadOnlyList<string> Strings(TomlTable t, string key) =>
        t.TryGetValue(key, out var n) && n is TomlArray a
            ? a.OfType<TomlValue>().Where(v => v.Kind == TomlValueKind.String).Select(v => v.AsString()).ToList()
            : [];
}
