// The policy model: what one restricted key may run. Built by PolicyReader from
// [ssh.policy.NAME] in opskit.toml or from a standalone policy file.
namespace OpsKit.SshGuard.Policy;

/// <summary>Which way an rsync transfer goes, seen from the server.</summary>
public enum Direction
{
    /// <summary>Push and pull.</summary>
    Both,
    /// <summary>The client writes into the roots (rsync --server without --sender).</summary>
    Push,
    /// <summary>The client reads from the roots (rsync --server --sender).</summary>
    Pull,
}

/// <summary>A named policy.</summary>
/// <param name="Name">The policy name (logged, shown by "ssh test").</param>
/// <param name="Source">FILE or FILE:[ssh.policy.NAME], for messages.</param>
/// <param name="Description">Free text.</param>
/// <param name="Paths">The path rule every path operand and path value obeys.</param>
/// <param name="MaxCommandBytes">Longest SSH_ORIGINAL_COMMAND accepted.</param>
/// <param name="From">Client networks allowed; empty: any.</param>
/// <param name="Rsync">The rsync server rule, or null when rsync is not allowed.</param>
/// <param name="Commands">Other allowed commands by name (e.g. snapshot-rotate).</param>
/// <param name="Keys">Per-key rules by label; empty: labels are only logged.</param>
public sealed record SshPolicy(
    string Name,
    string Source,
    string Description,
    PathRule Paths,
    int MaxCommandBytes,
    IReadOnlyList<Cidr> From,
    RsyncRule? Rsync,
    IReadOnlyList<CommandRule> Commands,
    IReadOnlyDictionary<string, KeyRule> Keys);

/// <summary>Path rule P: absolute, under one of the roots on a '/' boundary, no "..", length limits.</summary>
/// <param name="Roots">Allowed roots, absolute, without a trailing slash.</param>
/// <param name="MaxPathBytes">Longest path.</param>
/// <param name="MaxComponentBytes">Longest path component.</param>
public sealed record PathRule(IReadOnlyList<string> Roots, int MaxPathBytes, int MaxComponentBytes);

/// <summary>The rsync server rule.</summary>
/// <param name="Programs">Accepted first words ("rsync", "/usr/bin/rsync").</param>
/// <param name="Exec">Absolute path executed on accept.</param>
/// <param name="Direction">Allowed transfer direction.</param>
/// <param name="ShortLetters">Option letters allowed in a short cluster such as -logDtpr.</param>
/// <param name="Capabilities">Accept the trailing capability block e[0-9]*.[A-Za-z]* of a short cluster.</param>
/// <param name="Flags">Long options without a value allowed in both directions ("--numeric-ids").</param>
/// <param name="PushFlags">Long options without a value allowed in a push only.</param>
/// <param name="PullFlags">Long options without a value allowed in a pull only.</param>
/// <param name="Options">Options with a value, by name without dashes ("timeout", or "B" for -B8192).</param>
/// <param name="MaxPushOperands">Operands after "." in a push.</param>
/// <param name="MaxPullOperands">Operands after "." in a pull.</param>
/// <param name="PullGlobs">Pull operands may contain * ? [ ] (rsync's sender expands them).</param>
/// <param name="ConfineRoot">Add --confine-root=ROOT before "--".</param>
/// <param name="AppendPush">Options added to every push.</param>
/// <param name="AppendPull">Options added to every pull.</param>
public sealed record RsyncRule(
    IReadOnlyList<string> Programs,
    string Exec,
    Direction Direction,
    string ShortLetters,
    bool Capabilities,
    IReadOnlySet<string> Flags,
    IReadOnlySet<string> PushFlags,
    IReadOnlySet<string> PullFlags,
    IReadOnlyDictionary<string, OptionRule> Options,
    int MaxPushOperands,
    int MaxPullOperands,
    bool PullGlobs,
    bool ConfineRoot,
    IReadOnlyList<string> AppendPush,
    IReadOnlyList<string> AppendPull);

/// <summary>A program with fixed leading words and an option allow-list (e.g. opskit snapshot rotate).</summary>
/// <param name="Name">The rule name ([command.NAME]).</param>
/// <param name="Programs">Accepted first words.</param>
/// <param name="Exec">Absolute path executed on accept.</param>
/// <param name="Words">Fixed words after the program ("snapshot", "rotate").</param>
/// <param name="Options">Allowed options by long name without dashes.</param>
/// <param name="MaxOperands">Non-option words allowed after the options.</param>
public sealed record CommandRule(
    string Name,
    IReadOnlyList<string> Programs,
    string Exec,
    IReadOnlyList<string> Words,
    IReadOnlyDictionary<string, OptionRule> Options,
    int MaxOperands);

/// <summary>How an option's value is checked.</summary>
public enum ValueKind
{
    /// <summary>A flag: no value.</summary>
    None,
    /// <summary>An optionally signed decimal integer within [Min, Max].</summary>
    Integer,
    /// <summary>The whole value matches a regular expression.</summary>
    Pattern,
    /// <summary>One of fixed strings.</summary>
    Choice,
    /// <summary>1..MaxItems comma-separated items from Choices.</summary>
    List,
    /// <summary>A path obeying the policy's path rule (no globs).</summary>
    Path,
    /// <summary>One relative path component: [A-Za-z0-9._-]+, not "." or "..".</summary>
    Component,
}

/// <summary>An allowed option with a value rule.</summary>
/// <param name="Name">Long name without dashes, or one letter for a short option with an attached value.</param>
/// <param name="Value">The value rule.</param>
/// <param name="Min">Integer minimum.</param>
/// <param name="Max">Integer maximum.</param>
/// <param name="Pattern">Anchored pattern for <see cref="ValueKind.Pattern"/>.</param>
/// <param name="Choices">Allowed values for Choice and List.</param>
/// <param name="MaxItems">Most items of a List.</param>
/// <param name="Direction">rsync only: the direction it is allowed in.</param>
/// <param name="Separate">Also accept the value as the next word ("--link-dest /path").</param>
/// <param name="Required">The command is refused without it.</param>
/// <param name="Repeat">May appear more than once.</param>
/// <param name="Requires">Other options that must be present too.</param>
/// <param name="Roots">Path values only: the roots this option's path must stay in; empty: the policy's.</param>
public sealed record OptionRule(
    string Name,
    ValueKind Value,
    long Min,
    long Max,
    ValuePattern? Pattern,
    IReadOnlyList<string> Choices,
    int MaxItems,
    Direction Direction,
    bool Separate,
    bool Required,
    bool Repeat,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> Roots)
{
    /// <summary>The option as typed: "--timeout" or "-B".</summary>
    public string Display => Name.Length == 1 ? "-" + Name : "--" + Name;
}

/// <summary>Rules for one key label (the --label in the authorized_keys command).</summary>
/// <param name="Label">The label.</param>
/// <param name="From">Client networks allowed for this key; empty: the policy's.</param>
/// <param name="Commands">Rule names this key may use ("rsync", "snapshot-rotate"); empty: all.</param>
/// <param name="Direction">rsync direction for this key.</param>
public sealed record KeyRule(string Label, IReadOnlyList<Cidr> From, IReadOnlyList<string> Commands, Direction Direction);
