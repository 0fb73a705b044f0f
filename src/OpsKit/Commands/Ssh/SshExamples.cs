// Examples and exit statuses of opskit-ssh(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Ssh;

/// <summary>The ssh page's EXAMPLES and EXIT STATUS.</summary>
public static class SshExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit ssh test --policy examples/ssh/backup-v2.toml --label web01 -- 'rsync --server -logDtpre.iLsfxCIvu --delete . /data/backup/web01/current/'",
            "Explain word by word whether the policy accepts this rsync command for key web01, and what would run."),
        new("opskit ssh authorize --policy /etc/opskit/ssh/backup-v2.toml --key web01.pub --label web01 --from 192.168.3.0/24",
            "Print the authorized_keys line that restricts web01.pub to the policy, from one network only."),
        new("opskit ssh validate --policy /etc/opskit/ssh/backup-v2.toml --label web01",
            "The forced command itself, as authorize writes it: runs SSH_ORIGINAL_COMMAND when the policy allows it."),
        new("opskit ssh probe backup@server --key ~/.ssh/web01",
            "From outside: a shell, a pty, port forwarding and commands the policy does not allow must all be refused."),
    ],
    [
        (ExitCodes.Ok, "test: accepted; probe: every refusal held"),
        (ExitCodes.Failed, "test: rejected; probe: something was allowed that should not be"),
        .. AreaDocs.ActionCodes,
        (ExitCodes.Unavailable, "validate: the command was refused or cannot run"),
    ]);
}
