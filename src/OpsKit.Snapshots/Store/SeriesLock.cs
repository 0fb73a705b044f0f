// The series lock (invariant 2): a kernel flock on ROOT/<series>/.lock, released
// by the kernel when its holders die, so there is no PID guessing and no stale file.
namespace OpsKit.Snapshots.Store;

/// <summary>An exclusive lock on one series, held by create and rotate.</summary>
public sealed class SeriesLock : IDisposable
{
    /// <summary>The lock file's name inside a series directory.</summary>
    public const string FileName = ".lock";

    /// <summary>Beside the lock: who holds it (informational only; the flock decides).</summary>
    public const string OwnerFileName = ".lock.owner";

    private int _fd;

    private SeriesLock(int fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock without waiting; null when another process holds it.</summary>
    public static SeriesLock? TryAcquire(string seriesDir, string purpose)
    {
        var path = System.IO.Path.Combine(seriesDir, FileName);
        var fd = Native.TryLock(path);
        if (fd < 0) return null;
        var l = new SeriesLock(fd, path);
        l.Describe(purpose);
        return l;
    }

    /// <summary>True when some live process holds the lock of a series.</summary>
    public static bool IsHeld(string seriesDir)
    {
        var path = System.IO.Path.Combine(seriesDir, FileName);
        if (!File.Exists(path)) return false;
        using var probe = TryAcquire(seriesDir, "");
        return probe is null;
    }

    /// <summary>What the holder wrote ("pid 123 create 2025-...Z.inprogress"), for messages.</summary>
    public static string Holder(string seriesDir)
    {
        try
        {
            return File.ReadAllText(System.IO.Path.Combine(seriesDir, OwnerFileName)).Trim();
        }
        catch (IOException)
        {
            return "unknown holder";
        }
    }

    /// <summary>Records who holds the lock and why (read by <see cref="Holder"/>).</summary>
    public void Describe(string purpose)
    {
        // Written beside the lock: .NET takes its own flock when it opens a file, which our lock would refuse.
        if (purpose.Length > 0) File.WriteAllText(Path + ".owner", $"pid {Environment.ProcessId} {purpose}\n");
    }

    /// <summary>Children started from now on inherit the lock, keeping it held while they live.</summary>
    public void ShareWithChildren() => Native.Inherit(_fd);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_fd < 0) return;
        Native.Unlock(_fd);
        _fd = -1;
    }
}
