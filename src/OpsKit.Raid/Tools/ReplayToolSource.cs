// Answers commands from a support bundle (or a fixture folder): one file per command,
// named as in shared/data/raid/README.md. A missing file means "not captured".
namespace OpsKit.Raid.Tools;

/// <summary>Replays a directory of saved outputs.</summary>
public sealed class ReplayToolSource(string directory) : IToolSource
{
    /// <summary>The bundle directory.</summary>
    public string Directory { get; } = directory;

    /// <inheritdoc />
    public bool IsReplay => true;

    /// <inheritdoc />
    public Task<ToolRun> RunAsync(string program, ToolCommand command, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, command.File);
        if (!File.Exists(path)) return Task.FromResult(ToolRun.NotCaptured);
        var text = File.ReadAllText(path);
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? ToolRun.Failed($"{path}: empty output")
            : ToolRun.Ok(text));
    }
}
