// Tests that need root (network namespaces, sshd, chown) are skipped with a clear reason otherwise.
namespace OpsKit.Testing;

/// <summary>A fact that runs only as root; otherwise it is reported as skipped with the reason.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public RootFactAttribute()
    {
        if (!Host.IsRoot) Skip = "needs root (network namespaces, sshd or ownership); run 'make test' as root";
    }
}

/// <summary>A theory that runs only as root.</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public RootTheoryAttribute()
    {
        if (!Host.IsRoot) Skip = "needs root (network namespaces, sshd or ownership); run 'make test' as root";
    }
}

/// <summary>Facts about the machine the tests run on.</summary>
public static class Host
{
    /// <summary>True when running as uid 0.</summary>
    public static bool IsRoot => Geteuid() == 0;

    // "libc" alone finds the linker script libc.so on glibc systems; name the real library.
    [System.Runtime.InteropServices.DllImport("libc.so.6", EntryPoint = "geteuid")]
    private static extern uint Geteuid();
}
