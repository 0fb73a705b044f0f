// Cargo.toml [package] and go.mod: name, version, SPDX license, binaries.
using System.Text.RegularExpressions;
using OpsKit.Core.Toml;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads Rust and Go projects.</summary>
internal static partial class CargoGoReader
{
    public static ProjectMetadata ReadCargo(SourceTree tree)
    {
        TomlTable doc;
        try
        {
            doc = TomlReader.Parse(tree.Read("Cargo.toml") ?? "", tree.File("Cargo.toml"));
        }
        catch (TomlException e)
        {
            throw Core.OpsKitException.BadData(e.Message);
        }
        var package = Toml.Table(doc, "package") ?? TomlReader.Parse("");
        var name = Toml.String(package, "name");
        var bins = doc.TryGetValue("bin", out var b) && b is TomlArray arr
            ? arr.OfType<TomlTable>().Select(t => Toml.String(t, "name")).OfType<string>().ToList()
            : [];
        if (bins.Count == 0 && tree.Has("src/main.rs") && name is not null) bins.Add(name);
        var license = Toml.String(package, "license");
        return new ProjectMetadata
        {
            Name = name,
            Version = Toml.String(package, "version"),
            Summary = Toml.String(package, "description"),
            Url = Toml.String(package, "homepage") ?? Toml.String(package, "repository"),
            License = license?.Replace("/", " OR ", StringComparison.Ordinal),
            Origin = "Cargo.toml [package]",
            Binaries = bins,
            UsesC = false,
            CheckTarget = "cargo",
        };
    }

    public static ProjectMetadata ReadGo(SourceTree tree)
    {
        var mod = tree.Read("go.mod") ?? "";
        var path = ModuleLine().Match(mod) is { Success: true } m ? m.Groups[1].Value : null;
        var bins = new List<string>();
        if (path is not null && IsMain(tree.Root)) bins.Add(path.Split('/')[^1]);
        var cmd = tree.File("cmd");
        if (Directory.Exists(cmd))
            bins.AddRange(Directory.EnumerateDirectories(cmd).Where(IsMain).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));
        return new ProjectMetadata
        {
            Name = path?.Split('/')[^1],
            Url = path is not null && path.Contains('.') && path.Contains('/') ? "https://" + path : null,
            GoImportPath = path,
            Origin = path is null ? null : "go.mod module",
            Binaries = bins,
            UsesC = false,
            CheckTarget = "go",
        };
    }

    private static bool IsMain(string dir) =>
        Directory.EnumerateFiles(dir, "*.go").Any(f => !f.EndsWith("_test.go", StringComparison.Ordinal) && Regex.IsMatch(File.ReadAllText(f), @"^package main\b", RegexOptions.Multiline));

    [GeneratedRegex(@"^module\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex ModuleLine();
}
