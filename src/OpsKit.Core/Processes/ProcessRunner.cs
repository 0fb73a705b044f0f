// The one place OpsKit starts programs, on CliWrap: argv without a shell, stdin fed
// then closed, output captured or streamed, a timeout or cancellation that kills the
// whole process tree, and the start of detached daemons.
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;

namespace OpsKit.Core.Processes;

/// <summary>Runs programs on this host.</summary>
public sealed class ProcessRunner : ICommandRunner
{
    /// <summary>How long output is still read after the program exited. A grandchild that left
    /// the tree (daemonised) can hold a pipe open forever; its later output is not waited for.</summary>
    private static readonly TimeSpan s_drainGrace = TimeSpan.FromSeconds(2);

    /// <summary>Output is copied on pool threads and read for only <see cref="s_drainGrace"/> after exit. Callers that
    /// block on several runs at once (sync over async in parallel loops) used to starve the pool past that grace and
    /// lose the end of the output (seen: an error message missing under load); enough threads up front prevent it.</summary>
    static ProcessRunner()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < 16) ThreadPool.SetMinThreads(16, io);
    }

    /// <summary>The exit status reported for a program the timeout killed (SIGKILL).</summary>
    public const int KilledExitCode = 128 + 9;

    /// <inheritdoc />
    public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var stdout = new Capture(command.StreamStandardOutput);
        var stderr = new Capture(command.StreamStandardError);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cli = Build(command)
            .WithStandardInputPipe(command.StandardInput is { } input ? PipeSource.FromBytes(input) : PipeSource.Null)
            .WithStandardOutputPipe(stdout.Target(exited.Task))
            .WithStandardErrorPipe(stderr.Target(exited.Task));

        using var timeout = command.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        CommandTask<CliWrap.CommandResult> task;
        try
        {
            task = cli.ExecuteAsync(psi => ApplyEnvironment(psi, command), p => WatchExit(p, exited), linked.Token);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return new CommandResult(127, "", "", clock.Elapsed) { StartError = StartError(e) };
        }
        try
        {
            var result = await task.ConfigureAwait(false);
            return new CommandResult(result.ExitCode, stdout.Text(), stderr.Text(), clock.Elapsed);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // CliWrap has killed the tree (Process.Kill(entireProcessTree: true)).
            cancellationToken.ThrowIfCancellationRequested();
            return new CommandResult(KilledExitCode, stdout.Text(), stderr.Text(), clock.Elapsed, TimedOut: true);
        }
    }

    /// <summary>Starts "setsid sh -c 'exec PROGRAM ARGS &lt;/dev/null &gt;&gt;LOG 2&gt;&amp;1'": the program runs in its own
    /// session with its output appended to <paramref name="logFile"/> and outlives us. Its pid is the returned process's.</summary>
    /// <exception cref="OpsKitException">The program could not be started.</exception>
    public static DetachedProcess StartDetached(CommandSpec command, string logFile)
    {
        // setsid does not fork when its caller does not lead a process group (our child never does), and sh
        // execs the program: the pid we see is the daemon's.
        string[] args = ["sh", "-c", "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1", "sh", logFile, command.Program, .. command.Arguments];
        try
        {
            var task = Build(command with { Program = "setsid", Arguments = args }).ExecuteAsync(psi => ApplyEnvironment(psi, command), null);
            return new DetachedProcess(task.ProcessId, task.Task.ContinueWith(t => t.Result.ExitCode, TaskScheduler.Default));
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            throw OpsKitException.Unavailable($"cannot start {command.Program}: {StartError(e)}");
        }
    }

    private static Command Build(CommandSpec command)
    {
        var cli = Cli.Wrap(command.Program).WithArguments(command.Arguments).WithValidation(CommandResultValidation.None);
        return command.WorkingDirectory is null ? cli : cli.WithWorkingDirectory(command.WorkingDirectory);
    }

    private static void ApplyEnvironment(ProcessStartInfo psi, CommandSpec command)
    {
        if (command.ClearEnvironment) psi.Environment.Clear();
        foreach (var (k, v) in command.Environment ?? new Dictionary<string, string?>())
        {
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        }
    }

    private static void WatchExit(Process process, TaskCompletionSource exited)
    {
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited) exited.TrySetResult();
    }

    private static string StartError(Exception e)
    {
        while (e.InnerException is { } inner) e = inner;
        return e.Message;
    }

    /// <summary>One output stream: captured into memory, or copied through to a stream.</summary>
    private sealed class Capture(Stream? through)
    {
        private readonly MemoryStream _buffer = new();

        public PipeTarget Target(Task exited) => PipeTarget.Create(async (source, ct) =>
        {
            var copy = CopyAsync(source, ct);
            var drained = exited.ContinueWith(_ => Task.Delay(s_drainGrace, CancellationToken.None), TaskScheduler.Default).Unwrap();
            if (await Task.WhenAny(copy, drained).ConfigureAwait(false) == copy) await copy.ConfigureAwait(false);
        });

        private async Task CopyAsync(Stream source, CancellationToken ct)
        {
            var chunk = new byte[81920];
            int n;
            while ((n = await source.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (through is not null)
                {
                    await through.WriteAsync(chunk.AsMemory(0, n), ct).ConfigureAwait(false);
                    await through.FlushAsync(ct).ConfigureAwait(false);
                }
                else
                {
                    lock (_buffer) _buffer.Write(chunk, 0, n);
                }
            }
        }

        public string Text()
        {
            lock (_buffer) return Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        }
    }
}

/// <summary>A program started by <see cref="ProcessRunner.StartDetached"/>.</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="Exit">Completes when it exits (while we still run).</param>
public sealed record DetachedProcess(int Pid, Task<int> Exit)
{
    /// <summary>True once it has exited.</summary>
    public bool HasExited => Exit.IsCompleted;

    /// <summary>Its exit status once it has exited; null while it runs or when it could not be waited for.</summary>
    public int? ExitCode => Exit.IsCompletedSuccessfully ? Exit.Result : null;
}
