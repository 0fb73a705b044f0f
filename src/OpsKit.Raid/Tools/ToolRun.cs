// What came back from one declared command, live or replayed.
namespace OpsKit.Raid.Tools;

/// <summary>How a command went.</summary>
public enum ToolRunKind
{
    /// <summary>It printed something.</summary>
    Output,
    /// <summary>Replay only: the bundle has no file for it (not captured, which is not "empty").</summary>
    NotCaptured,
    /// <summary>It could not run, timed out, or printed nothing.</summary>
    Failed,
}

/// <summary>The outcome of one command.</summary>
/// <param name="Kind">How it went.</param>
/// <param name="Output">Its standard output.</param>
/// <param name="Error">Why it failed, for <see cref="ToolRunKind.Failed"/>.</param>
/// <param name="ExitCode">Exit status (0 for replays).</param>
public sealed record ToolRun(ToolRunKind Kind, string Output = "", string? Error = null, int ExitCode = 0)
{
    /// <summary>True when there is output to parse.</summary>
    public bool HasOutput => Kind == ToolRunKind.Output;

    /// <summary>A replayed command with no file.</summary>
    public static ToolRun NotCaptured { get; } = new(ToolRunKind.NotCaptured);

    /// <summary>A failure with its reason.</summary>
    public static ToolRun Failed(string error, int exitCode = 0) => new(ToolRunKind.Failed, "", error, exitCode);

    /// <summary>Output to parse.</summary>
    public static ToolRun Ok(string output, int exitCode = 0) => new(ToolRunKind.Output, output, null, exitCode);

    /// <summary>Output split into lines without line ends (CR kept out).</summary>
    public string[] Lines => Output.Replace("\r", "", StringComparison.Ordinal).Split('\n');
}
