// "Is the backup disk mounted?" (invariant 4, rsnapshot #351): the required
// mount point must be a mount in /proc/self/mountinfo and hold the root.
using OpsKit.Core;

namespace OpsKit.Snapshots.Store;

/// <summary>Checks that a directory lies on an expected mount.</summary>
public static class MountCheck
{
    /// <summary>Throws unless <paramref name="mountPoint"/> is mounted and <paramref name="path"/> is on it.</summary>
    public static void Require(string path, ulong device, string? mountPoint)
    {
        if (string.IsNullOrEmpty(mountPoint)) return;
        var mount = Path.GetFullPath(mountPoint).TrimEnd('/');
        if (mount.Length == 0) mount = "/";
        if (!IsMountPoint(mount))
            throw new OpsKitException($"{mount} is not mounted; refusing to use {path} (an unmounted backup disk must not look like an empty root)", ExitCodes.Unavailable);
        var st = Native.Stat(mount);
        if (st is null || st.Value.Device != device)
            throw new OpsKitException($"{path} is not on the file system mounted at {mount}; refusing", ExitCodes.Unavailable);
    }

    /// <summary>True when the path is a mount point (listed in /proc/self/mountinfo).</summary>
    public static bool IsMountPoint(string path)
    {
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ');
            if (fields.Length > 4 && Unescape(fields[4]) == path) return true;
        }
        return false;
    }

    // mountinfo escapes space, tab, newline and backslash as \ooo.
    private static string Unescape(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\\([0-7]{3})",
        m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());
}
