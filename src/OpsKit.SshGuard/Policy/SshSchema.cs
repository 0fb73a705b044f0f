// Declarations of [ssh], [ssh.policy.NAME] and its sub-tables. The same
// declarations check opskit.toml (Core's loader) and standalone policy files (PolicyReader).
using OpsKit.Core.Config;

namespace OpsKit.SshGuard.Policy;

/// <summary>The config schema of the ssh area.</summary>
public static class SshSchema
{
    /// <summary>[*.option.NAME]: one allowed option with a value rule.</summary>
    public static ConfigTable Option { get; } = new("option", "An allowed option. NAME is the long name without dashes, or one letter for a short option whose value is attached (-B8192).",
    [
        ConfigKey.Choice("value", "none", "How the value is checked.", "none", "integer", "pattern", "choice", "list", "path", "component"),
        ConfigKey.Integer("min", long.MinValue, "integer: smallest value."),
        ConfigKey.Integer("max", long.MaxValue, "integer: largest value."),
        ConfigKey.String("pattern", "", "pattern: a regular expression the whole value must match."),
        ConfigKey.StringList("choices", "choice, list: the allowed values."),
        ConfigKey.Integer("max_items", 1, "list: most comma-separated items.", 1, 64),
        ConfigKey.Choice("direction", "both", "rsync: the transfer direction the option is allowed in.", "both", "push", "pull"),
        ConfigKey.Bool("separate", false, "Also accept the value as the next word (--link-dest /path), as rsync clients send path options."),
        ConfigKey.Bool("required", false, "Refuse the command without this option."),
        ConfigKey.Bool("repeat", true, "The option may appear more than once."),
        ConfigKey.StringList("requires", "Other options (names without dashes) that must be present as well."),
        ConfigKey.StringList("roots", "path: the roots this value must stay in instead of the policy's (e.g. a snapshot store pushes cannot reach); {label} as in roots."),
    ])
    { Kind = ConfigTableKind.Map };

    /// <summary>[*.rsync]: the rsync server rule.</summary>
    public static ConfigTable Rsync { get; } = new("rsync", "The rsync server commands (rsync --server [--sender] OPTIONS . PATHS) the key may run.",
    [
        ConfigKey.StringList("programs", "Accepted first words.", "rsync", "/usr/bin/rsync"),
        ConfigKey.String("exec", "/usr/bin/rsync", "Absolute path executed on accept (never through a shell)."),
        ConfigKey.Choice("direction", "both", "push: the client writes into the roots; pull: it reads.", "both", "push", "pull"),
        ConfigKey.String("short", "", "Option letters allowed in a short cluster such as -logDtpr."),
        ConfigKey.Bool("capabilities", true, "Accept the capability block (e.iLsfxCIvu) rsync clients append to the short cluster."),
        ConfigKey.StringList("flags", "Long options without a value allowed in both directions (--numeric-ids)."),
        ConfigKey.StringList("push_flags", "Long options without a value allowed in a push only (--delete)."),
        ConfigKey.StringList("pull_flags", "Long options without a value allowed in a pull only (--list-only)."),
        ConfigKey.Integer("max_push_operands", 1, "Paths after '.' in a push.", 0, 64),
        ConfigKey.Integer("max_pull_operands", 64, "Paths after '.' in a pull.", 0, 1024),
        ConfigKey.Bool("pull_globs", true, "Pull paths may contain * ? [ ] (expanded by rsync's sender)."),
        ConfigKey.Bool("confine_root", true, "Add --confine-root=ROOT (rsync >= 3.5): filter merge files named in-band by the client, which no argv check sees, must resolve inside the root."),
        ConfigKey.StringList("append_push", "Options the hook adds to every push (e.g. --drop-D, rsync >= 3.5: no device files written)."),
        ConfigKey.StringList("append_pull", "Options the hook adds to every pull."),
    ])
    { Tables = [Option] };

    /// <summary>[*.command.NAME]: another allowed program.</summary>
    public static ConfigTable Command { get; } = new("command", "Another allowed program: fixed leading words, then options from an allow-list (opskit snapshot rotate).",
    [
        ConfigKey.StringList("programs", "Accepted first words."),
        ConfigKey.String("exec", "", "Absolute path executed on accept."),
        ConfigKey.StringList("words", "Fixed words after the program (snapshot, rotate)."),
        ConfigKey.Integer("max_operands", 0, "Non-option words allowed after the options.", 0, 64),
    ])
    { Kind = ConfigTableKind.Map, Tables = [Option] };

    /// <summary>[*.key.LABEL]: rules for one key.</summary>
    public static ConfigTable Key { get; } = new("key", "Rules for the key whose command= line says --label LABEL. When a policy has key tables, other labels are refused.",
    [
        ConfigKey.StringList("from", "Client networks (CIDR) this key may connect from; empty: the policy's."),
        ConfigKey.StringList("commands", "Rules this key may use (rsync or a command NAME); empty: all."),
        ConfigKey.Choice("direction", "both", "rsync direction for this key.", "both", "push", "pull"),
    ])
    { Kind = ConfigTableKind.Map };

    /// <summary>The keys of a policy; the top level of a standalone policy file.</summary>
    public static ConfigTable Policy { get; } = new("policy", "A named policy for a restricted key; also the top level of a standalone policy file.",
    [
        ConfigKey.String("description", "", "What the policy is for."),
        ConfigKey.StringList("roots", "Absolute directories that path operands and path values must stay in. A component {label} is replaced by the key's --label from authorized_keys (one subtree per key); a key without a label is then refused."),
        ConfigKey.Integer("max_command_bytes", 8192, "Longest command accepted.", 1, 131072),
        ConfigKey.Integer("max_path_bytes", 4095, "Longest path.", 1, 65536),
        ConfigKey.Integer("max_component_bytes", 255, "Longest path component.", 1, 4096),
        ConfigKey.StringList("from", "Client networks (CIDR) allowed; empty: any."),
    ])
    { Kind = ConfigTableKind.Map, Tables = [Rsync, Command, Key] };

    /// <summary>The [ssh] table.</summary>
    public static ConfigTable Ssh { get; } = new("ssh", "Restricted ssh keys: the policies 'opskit ssh validate' enforces as an authorized_keys forced command.",
    [
        ConfigKey.String("default_policy", "", "Policy used by the validate-ssh symlink and when --policy is not given: a NAME below or a file."),
        ConfigKey.String("policy_dir", "/etc/opskit/ssh", "Where --policy NAME looks for NAME.toml when opskit.toml has no [ssh.policy.NAME]."),
    ])
    { Tables = [Policy] };
}
