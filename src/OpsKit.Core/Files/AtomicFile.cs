// Writes a file whole or not at all: a temp file beside it, then rename(2), so a reader
// (node_exporter, the config loader, a second opskit) never sees half of it.
using System.Text;

namespace OpsKit.Core.Files;

/// <summary>Atomic replacement of a small text file.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (mode 0644) through a temp file in the same
    /// directory; <paramref name="createDirectory"/> makes the directory first. Errors are "path: why" (66/74/77).</summary>
    public static void Write(string path, string text, bool createDirectory = false)
    {
        if (path.Length == 0) throw OpsKitException.Usage("empty file name");
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            if (Directory.Exists(full)) throw new OpsKitException($"{path}: is a directory, not a file", ExitCodes.NoInput);
            if (createDirectory) Directory.CreateDirectory(dir);
            else if (!Directory.Exists(dir)) throw new OpsKitException($"{path}: directory {dir} does not exist", ExitCodes.NoInput);
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (IoErrors.IsIo(e))
        {
            try { File.Delete(temp); } catch (Exception d) when (IoErrors.IsIo(d)) { }
            throw IoErrors.Error(e, path, dir);
        }
    }
}
