// An unpacked source tree: where it lives, what it came from, and the
// temporary directory to remove when done.
namespace OpsKit.Rpm.Source;

/// <summary>A source tree ready for inspection.</summary>
public sealed class SourceTree : IDisposable
{
    private readonly string? _scratch;

    internal SourceTree(string root, string? archivePath, string? topDirName, string? scratch)
    {
        Root = root;
        ArchivePath = archivePath;
        TopDirName = topDirName;
        _scratch = scratch;
    }

    /// <summary>The project's top directory (inside the archive's single top folder when it has one).</summary>
    public string Root { get; }

    /// <summary>The archive it was unpacked from; null for a directory.</summary>
    public string? ArchivePath { get; }

    /// <summary>The archive's single top folder (or the directory's own name); null when the archive has none.</summary>
    public string? TopDirName { get; }

    /// <summary>The archive file name, or null.</summary>
    public string? ArchiveName => ArchivePath is null ? null : Path.GetFileName(ArchivePath);

    /// <summary>Path of a file relative to <see cref="Root"/>.</summary>
    public string File(string relative) => Path.Combine(Root, relative);

    /// <summary>True when the relative file exists.</summary>
    public bool Has(string relative) => System.IO.File.Exists(File(relative));

    /// <summary>The file's text, or null when missing.</summary>
    public string? Read(string relative) => Has(relative) ? System.IO.File.ReadAllText(File(relative)) : null;

    /// <summary>Top-level file names, sorted.</summary>
    public IReadOnlyList<string> TopFiles() =>
        Directory.EnumerateFiles(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_scratch is null) return;
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
