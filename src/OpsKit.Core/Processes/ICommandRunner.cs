// The seam through which every external program is run (so tests can replay recorded output).
namespace OpsKit.Core.Processes;

/// <summary>Runs commands; replaced by <see cref="ReplayRunner"/> in tests.</summary>
public interface ICommandRunner
{
    /// <summary>Runs the command to completion, its timeout or cancellation (which kills it and throws).</summary>
    Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken = default);
}
