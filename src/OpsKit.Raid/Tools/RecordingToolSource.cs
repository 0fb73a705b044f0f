// "raid dump": runs the real tools and saves every output under its bundle file name,
// so the directory can be replayed with "raid check --replay DIR" or sent to support.
namespace OpsKit.Raid.Tools;

/// <summary>Saves what another source returns.</summary>
public sealed class RecordingToolSource(IToolSource inner, string directory) : IToolSource
{
    /// <summary>Files written, in order.</summary>
    public List<string> Written { get; } = [];

    /// <summary>Commands that failed, with the reason.</summary>
    public List<string> Failures { get; } = [];

    /// <inheritdoc />
    public bool IsReplay => inner.IsReplay;

    /// <inheritdoc />
    public async Task<ToolRun> RunAsync(string program, ToolCommand command, CancellationToken cancellationToken)
    {
        var run = await inner.RunAsync(program, command, cancellationToken).ConfigureAwait(false);
        if (run.HasOutput)
        {
            var path = Path.Combine(directory, command.File);
            await File.WriteAllTextAsync(path, run.Output, cancellationToken).ConfigureAwait(false);
            Written.Add(command.File);
        }
        else if (run.Error is not null)
        {
            Failures.Add($"{command.File}: {run.Error}");
        }
        return run;
    }
}
