// Where backends get command output from: the real tools, a replayed bundle, or both while dumping.
namespace OpsKit.Raid.Tools;

/// <summary>Answers declared commands.</summary>
public interface IToolSource
{
    /// <summary>True when answers come from a saved bundle (commands are never run).</summary>
    bool IsReplay { get; }

    /// <summary>Runs (or looks up) one command of <paramref name="program"/>.</summary>
    Task<ToolRun> RunAsync(string program, ToolCommand command, CancellationToken cancellationToken);
}
