// Options shared by several iowait verbs, defined once.
using System.CommandLine;

namespace OpsKit.Commands.IoWait;

/// <summary>Shared iowait options.</summary>
public static class IoWaitOptions
{
    /// <summary>--root DIR: read /proc (and write /proc/sys) under DIR instead of / (fixture trees, chroots).</summary>
    public static Option<string?> Root() => new("--root")
    {
        Description = "Read /proc and /proc/sys under this directory instead of / (fixture trees, containers' host mounts).",
        HelpName = "DIR",
    };
}
