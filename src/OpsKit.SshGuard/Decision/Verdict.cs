// The result of a decision: accept/reject, why, and what would be executed.
namespace OpsKit.SshGuard;

/// <summary>One word and what the policy made of it (for "ssh test").</summary>
/// <param name="Word">The decoded word.</param>
/// <param name="Meaning">What it is ("short options l o g", "path under /data/backup") or why it was refused.</param>
/// <param name="Refused">True for the word that decided a rejection.</param>
public sealed record WordNote(string Word, string Meaning, bool Refused = false);

/// <summary>A path the accepted command will open: an operand or a path option's value, and the root it lies in.</summary>
/// <param name="Path">The path as the client wrote it (absolute, no "..").</param>
/// <param name="Root">The policy root that holds it.</param>
/// <param name="Globs">A pull operand whose * ? [ ] rsync's sender expands.</param>
public sealed record PathUse(string Path, string Root, bool Globs);

/// <summary>The decision on one command.</summary>
/// <param name="Accepted">True when the command may run.</param>
/// <param name="Reason">Why it was refused, or which rule accepted it.</param>
/// <param name="Interactive">True when no command was given (an interactive login).</param>
/// <param name="Rule">The rule that matched ("rsync push", "command snapshot-rotate"), or null.</param>
/// <param name="Argv">What is executed on accept: absolute program path first; empty on reject.</param>
/// <param name="Notes">Word-by-word explanation.</param>
public sealed record Verdict(bool Accepted, string Reason, bool Interactive, string? Rule, IReadOnlyList<string> Argv, IReadOnlyList<WordNote> Notes)
{
    /// <summary>The paths an accepted command opens, for the file-system check before exec (Hook/Beneath.cs).</summary>
    public IReadOnlyList<PathUse> Paths { get; init; } = [];

    /// <summary>A rejection.</summary>
    public static Verdict Reject(string reason, IReadOnlyList<WordNote>? notes = null, bool interactive = false) =>
        new(false, reason, interactive, null, [], notes ?? []);
}
