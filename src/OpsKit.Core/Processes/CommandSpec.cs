// What to run: a program and its argv, never a shell string.
namespace OpsKit.Core.Processes;

/// <summary>A command line to run without a shell.</summary>
/// <param name="Program">Program name (looked up on PATH) or absolute path.</param>
/// <param name="Arguments">Arguments, passed as separate argv entries.</param>
public sealed record CommandSpec(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>Kill the process tree after this long; null waits forever.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Bytes written to the child's stdin, then stdin is closed. Null: stdin is /dev/null.</summary>
    public byte[]? StandardInput { get; init; }

    /// <summary>Working directory; null inherits ours.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment changes: a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Start from an empty environment (plus <see cref="Environment"/>).</summary>
    public bool ClearEnvironment { get; init; }

    /// <summary>When set, stdout is copied here as it arrives (a terminal, a log) instead of being captured.</summary>
    public Stream? StreamStandardOutput { get; init; }

    /// <summary>When set, stderr is copied here as it arrives instead of being captured.</summary>
    public Stream? StreamStandardError { get; init; }

    /// <summary>Convenience constructor.</summary>
    public CommandSpec(string program, params string[] arguments) : this(program, (IReadOnlyList<string>)arguments) { }

    /// <summary>The command line as a person would type it, quoted where needed (for logs and errors).</summary>
    public string Display => string.Join(' ', new[] { Program }.Concat(Arguments).Select(ShellQuote.Quote));
}
