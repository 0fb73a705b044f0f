// Finds programs the way execvp does, so "is vblade installed" has one answer.
namespace OpsKit.Core.Processes;

/// <summary>Looks programs up on a PATH.</summary>
public static class ExecutableLocator
{
    /// <summary>The default PATH used when none is set (cron gives a short one).</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Returns the full path of an executable, or null. Absolute or relative paths are checked as given.</summary>
    public static string? Find(string program, string? path = null)
    {
        if (program.Contains('/')) return IsExecutable(program) ? Path.GetFullPath(program) : null;
        path ??= System.Environment.GetEnvironmentVariable("PATH");
        // Cron's PATH lacks the sbin directories where vendor tools live; search those too.
        var dirs = (string.IsNullOrEmpty(path) ? DefaultPath : path + ":" + DefaultPath).Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (var dir in dirs.Distinct())
        {
            var candidate = Path.Combine(dir, program);
            if (IsExecutable(candidate)) return candidate;
        }
        return null;
    }

    private static bool IsExecutable(string file)
    {
        try
        {
            if (!File.Exists(file)) return false;
            var mode = File.GetUnixFileMode(file);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
