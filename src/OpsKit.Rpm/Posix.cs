// The few libc facts this library needs (who we run as).
using System.Runtime.InteropServices;

namespace OpsKit.Rpm;

/// <summary>Process identity from libc.</summary>
public static class Posix
{
    /// <summary>True when the effective uid is 0.</summary>
    public static bool IsRoot => Geteuid() == 0;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint Geteuid();
}
