// What came back from a command.
namespace OpsKit.Core.Processes;

/// <summary>The outcome of running a command.</summary>
/// <param name="ExitCode">Exit status; 128+N when killed by signal N; 127 when it could not be started.</param>
/// <param name="StandardOutput">Captured stdout (UTF-8, invalid bytes replaced).</param>
/// <param name="StandardError">Captured stderr.</param>
/// <param name="Duration">Wall time from start to exit.</param>
/// <param name="TimedOut">True when the timeout killed it.</param>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration, bool TimedOut = false)
{
    /// <summary>Set when the program could not be started at all (not found, not executable).</summary>
    public string? StartError { get; init; }

    /// <summary>True when it started, finished in time and exited 0.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut && StartError is null;
}
