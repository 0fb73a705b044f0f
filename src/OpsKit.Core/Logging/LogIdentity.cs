// Who is logging: the syslog ident (per tool: sshval, vbladed, raidchk...), the pid and the host name.
namespace OpsKit.Core.Logging;

/// <summary>The identity stamped on every syslog and file line.</summary>
/// <param name="Ident">The syslog tag, e.g. "sshval".</param>
/// <param name="Pid">Process id.</param>
/// <param name="Host">Short host name.</param>
public sealed record LogIdentity(string Ident, int Pid, string Host)
{
    /// <summary>The identity of this process under the given ident.</summary>
    public static LogIdentity ForThisProcess(string ident) =>
        new(ident, System.Environment.ProcessId, ShortHostName());

    private static string ShortHostName()
    {
        var name = System.Environment.MachineName;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}
