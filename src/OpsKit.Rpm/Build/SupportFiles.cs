// Writes the shipped support files (compat macros, rpmlint profiles) from the
// assembly's embedded resources into a scratch directory for one run.
using System.Reflection;
using OpsKit.Rpm.Source;

namespace OpsKit.Rpm.Build;

/// <summary>The support files of one run, deleted on Dispose.</summary>
public sealed class SupportFiles : IDisposable
{
    private SupportFiles(string dir) => Directory = dir;

    /// <summary>The scratch directory.</summary>
    public string Directory { get; }

    /// <summary>The compat macro file.</summary>
    public string CompatMacros => Path.Combine(Directory, "opskit-compat.macros");

    /// <summary>The rpmlint configuration directory (profile, plus the Debian-host filters when asked).</summary>
    public string LintConfig => Path.Combine(Directory, "rpmlint");

    /// <summary>Writes the files; the lint profile gets OpsKit's SPDX list as ValidLicenses. rpmlint appends lists from later files.</summary>
    public static SupportFiles Create(bool debianHost)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("opskit-rpm-").FullName;
        var files = new SupportFiles(dir);
        File.WriteAllText(files.CompatMacros, Resource("opskit-compat.macros"));
        System.IO.Directory.CreateDirectory(files.LintConfig);
        var licenses = string.Join(",\n", Spdx.Identifiers.Select(i => $"    '{i}'"));
        var exceptions = string.Join(",\n", Spdx.Exceptions.Select(i => $"    '{i}'"));
        File.WriteAllText(Path.Combine(files.LintConfig, "10-opskit.toml"),
            Resource("rpmlint-opskit.toml") + $"ValidLicenses = [\n{licenses},\n]\nValidLicenseExceptions = [\n{exceptions},\n]\n");
        if (debianHost) File.WriteAllText(Path.Combine(files.LintConfig, "20-debian-host.toml"), Resource("rpmlint-debian-host.toml"));
        return files;
    }

    /// <summary>The text of a shipped support file.</summary>
    public static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OpsKit.Rpm.Macros." + name)
            ?? throw new InvalidOperationException($"resource {name} missing from OpsKit.Rpm");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
