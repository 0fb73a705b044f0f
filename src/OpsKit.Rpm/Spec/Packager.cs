// The changelog identity, first found wins: --packager, rpm's %packager,
// git config user.name/user.email, then user@host with a warning. Never "John Doe".
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Rpm.Spec;

/// <summary>Finds who to write into %changelog.</summary>
public static class Packager
{
    /// <summary>The identity and where it came from.</summary>
    public static async Task<(string Identity, string Source)> ResolveAsync(SystemContext context, string? flag, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(flag)) return (flag.Trim(), "--packager");
        var rpm = await Run(context, "rpm", ["--eval", "%{?packager}"], ct).ConfigureAwait(false);
        if (rpm.Length > 0) return (rpm, "rpm %packager");
        var name = await Run(context, "git", ["config", "user.name"], ct).ConfigureAwait(false);
        var mail = await Run(context, "git", ["config", "user.email"], ct).ConfigureAwait(false);
        if (name.Length > 0 && mail.Length > 0) return ($"{name} <{mail}>", "git config");
        var user = context.Env("USER") ?? context.Env("LOGNAME") ?? "root";
        return ($"{user} <{user}@{System.Net.Dns.GetHostName()}>", "user@host (set --packager or %packager in ~/.rpmmacros)");
    }

    private static async Task<string> Run(SystemContext context, string program, string[] args, CancellationToken ct)
    {
        var r = await context.Runner.RunAsync(new CommandSpec(program, args) { Timeout = TimeSpan.FromSeconds(10) }, ct).ConfigureAwait(false);
        return r.Succeeded ? r.StandardOutput.Trim() : "";
    }
}
