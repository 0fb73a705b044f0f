// The EXAMPLES and EXIT STATUS of each area's man page. The text lives beside the area's commands
// (Commands/<Area>/<Area>Examples.cs); a test parses every example against the command tree, so an
// example that names a renamed option or a removed verb fails the build instead of misleading a reader.
using OpsKit.Core;

namespace OpsKit.Docs;

/// <summary>One example: the command line (without a shell prompt) and what it does.</summary>
/// <param name="Line">The command line; arguments after "opskit" are parsed by the test.</param>
/// <param name="What">One or two sentences.</param>
public sealed record CommandExample(string Line, string What);

/// <summary>An area's examples and the exit statuses its commands use.</summary>
/// <param name="Examples">In the order the page shows them.</param>
/// <param name="ExitStatus">Code and what it means for this area; the general table is in opskit(1).</param>
public sealed record AreaDocs(IReadOnlyList<CommandExample> Examples, IReadOnlyList<(int Code, string Meaning)> ExitStatus)
{
    /// <summary>Exit statuses every action shares.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> ActionCodes { get; } =
    [
        (ExitCodes.Usage, "the command line is wrong"),
        (ExitCodes.DataError, "an input file is malformed (the message names FILE:LINE)"),
        (ExitCodes.NoInput, "an input file is missing, unreadable or a directory"),
        (ExitCodes.NoPermission, "permission denied"),
        (ExitCodes.Config, "the configuration is wrong (the message names FILE:LINE:COL)"),
        (ExitCodes.Interrupted, "interrupted by SIGINT or SIGTERM"),
    ];

    /// <summary>The monitoring-plugin statuses of a check.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> CheckCodes(string what) =>
    [
        (ExitCodes.Ok, $"{what}: OK"),
        (ExitCodes.Warning, $"{what}: WARNING"),
        (ExitCodes.Critical, $"{what}: CRITICAL"),
        (ExitCodes.Unknown, $"{what}: UNKNOWN, the state could not be determined"),
    ];
}

/// <summary>The docs of every area by its command name.</summary>
public static class AreaDocsRegistry
{
    /// <summary>Area name to docs.</summary>
    public static IReadOnlyDictionary<string, AreaDocs> All { get; } = new Dictionary<string, AreaDocs>(StringComparer.Ordinal)
    {
        ["aoe"] = Commands.Aoe.AoeExamples.Docs,
        ["raid"] = Commands.Raid.RaidExamples.Docs,
        ["ssh"] = Commands.Ssh.SshExamples.Docs,
        ["snapshot"] = Commands.Snapshot.SnapshotExamples.Docs,
        ["rpm"] = Commands.Rpm.RpmExamples.Docs,
        ["iowait"] = Commands.IoWait.IoWaitExamples.Docs,
        ["aide"] = Commands.Aide.AideExamples.Docs,
        ["hwerr"] = Commands.HwErr.HwErrExamples.Docs,
        ["config"] = Commands.Config.ConfigExamples.Docs,
        ["mail"] = Commands.Mail.MailExamples.Docs,
    };
}
