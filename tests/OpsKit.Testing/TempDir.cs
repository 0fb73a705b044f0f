// A temporary directory removed when the test ends.
namespace OpsKit.Testing;

/// <summary>A fresh directory under /tmp, deleted on Dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Creates it.</summary>
    public TempDir(string prefix = "opskit-test")
    {
        Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>A path inside it.</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file (creating folders) and returns its path.</summary>
    public string Write(string relative, string content)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
