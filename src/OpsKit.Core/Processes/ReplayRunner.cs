// A runner for tests: answers each command line with a recorded result and
// remembers what was asked, so tests can assert the exact command lines.
namespace OpsKit.Core.Processes;

/// <summary>Replays recorded results keyed by program and arguments.</summary>
public sealed class ReplayRunner : ICommandRunner
{
    private readonly List<(Func<CommandSpec, bool> Match, Func<CommandSpec, CommandResult> Answer)> _rules = [];
    private readonly List<CommandSpec> _calls = [];

    /// <summary>Every command asked for, in order.</summary>
    public IReadOnlyList<CommandSpec> Calls => _calls;

    /// <summary>Answers an exact command line (program name compared by file name too).</summary>
    public ReplayRunner On(string program, IReadOnlyList<string> arguments, CommandResult result)
    {
        _rules.Add((c => SameProgram(c.Program, program) && c.Arguments.SequenceEqual(arguments), _ => result));
        return this;
    }

    /// <summary>Answers an exact command line with stdout and exit 0.</summary>
    public ReplayRunner OnOutput(string program, IReadOnlyList<string> arguments, string stdout, int exitCode = 0) =>
        On(program, arguments, new CommandResult(exitCode, stdout, "", TimeSpan.Zero));

    /// <summary>Answers every command that the predicate accepts.</summary>
    public ReplayRunner When(Func<CommandSpec, bool> match, Func<CommandSpec, CommandResult> answer)
    {
        _rules.Add((match, answer));
        return this;
    }

    /// <inheritdoc />
    public Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _calls.Add(command);
        foreach (var (match, answer) in _rules)
        {
            if (match(command)) return Task.FromResult(answer(command));
        }
        return Task.FromResult(new CommandResult(127, "", "", TimeSpan.Zero)
        {
            StartError = $"no recorded answer for: {command.Display}",
        });
    }

    private static bool SameProgram(string a, string b) =>
        a == b || Path.GetFileName(a) == Path.GetFileName(b);
}
