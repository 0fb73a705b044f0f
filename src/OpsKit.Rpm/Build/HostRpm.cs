// What kind of rpm host this is. On Debian the rpm database is empty, so
// BuildRequires can never be met (--nodeps) and the distribution macro
// packages are missing (OpsKit's compat macros).
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Rpm.Build;

/// <summary>Facts about the local rpm installation.</summary>
/// <param name="IsRpmDistro">The rpm database knows the rpm package itself (Fedora, EL, SUSE).</param>
/// <param name="Version">rpm --version output.</param>
public sealed record HostRpm(bool IsRpmDistro, string Version)
{
    /// <summary>Probes the host; a missing rpmbuild is exit 69 with the package to install.</summary>
    public static async Task<HostRpm> ProbeAsync(SystemContext context, CancellationToken ct = default)
    {
        if (ExecutableLocator.Find("rpmbuild", context.Env("PATH")) is null)
            throw OpsKitException.Unavailable("rpmbuild not found; install the 'rpm' package (Debian: apt-get install rpm)");
        var q = await context.Runner.RunAsync(new CommandSpec("rpm", "-q", "--quiet", "rpm") { Timeout = TimeSpan.FromSeconds(30) }, ct).ConfigureAwait(false);
        var v = await context.Runner.RunAsync(new CommandSpec("rpm", "--version") { Timeout = TimeSpan.FromSeconds(30) }, ct).ConfigureAwait(false);
        return new HostRpm(q.Succeeded, v.StandardOutput.Trim());
    }
}
