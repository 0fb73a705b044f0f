// Report files other programs read at any moment (node_exporter's textfile collector):
// a temp file in the same directory, then a rename, so a reader sees the old or the new file whole.
namespace OpsKit.Core.Output;

/// <summary>Atomic file writes.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (mode 0644) through a temp file and a rename.</summary>
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw OpsKitException.BadData($"{path}: directory {dir} does not exist");
        // node_exporter's collector reads *.prom only: the temp name must not end so.
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var fs = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.Create, Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            }))
            {
                fs.Write(System.Text.Encoding.UTF8.GetBytes(text));
                fs.Flush(flushToDisk: true);
            }
            // The umask may have taken bits away: the collector runs as another user.
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw new OpsKitException($"{path}: {e.Message}", ExitCodes.IoError, e);
        }
    }
}
