// The real runner over System.Diagnostics.Process: argv without a shell,
// captured streams, timeout and cancellation that kill the whole process tree.
using System.Diagnostics;
using System.Text;

namespace OpsKit.Core.Processes;

/// <summary>Runs programs on this host.</summary>
public sealed class ProcessRunner : ICommandRunner
{
    /// <summary>How long to wait for the streams to close after the child was killed.
    /// A grandchild that left the tree (daemonised) can hold a pipe open forever.</summary>
    private static readonly TimeSpan s_drainGrace = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public async Task<CommandResult> RunAsync(CommandSpec command, CancellationToken cancellationToken = default)
    {
        var psi = new ProcessStartInfo(command.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var a in command.Arguments) psi.ArgumentList.Add(a);
        if (command.WorkingDirectory is not null) psi.WorkingDirectory = command.WorkingDirectory;
        if (command.ClearEnvironment) psi.Environment.Clear();
        if (command.Environment is not null)
        {
            foreach (var (k, v) in command.Environment)
            {
                if (v is null) psi.Environment.Remove(k);
                else psi.Environment[k] = v;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new CommandResult(127, "", "", clock.Elapsed) { StartError = e.Message };
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdin = WriteInputAsync(process, command.StandardInput);

        using var timeout = command.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var output = await Drain(stdout).ConfigureAwait(false);
        var error = await Drain(stderr).ConfigureAwait(false);
        await Drain(stdin).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new CommandResult(process.ExitCode, output, error, clock.Elapsed, timedOut);
    }

    private static async Task WriteInputAsync(Process process, byte[]? input)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(input).ConfigureAwait(false);
                await process.StandardInput.BaseStream.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // The child closed its stdin early (broken pipe); its exit status tells the story.
        }
        finally
        {
            try { process.StandardInput.Close(); } catch (IOException) { }
        }
    }

    private static async Task<string> Drain(Task<string> read)
    {
        var done = await Task.WhenAny(read, Task.Delay(s_drainGrace)).ConfigureAwait(false);
        return done == read ? await read.ConfigureAwait(false) : "";
    }

    private static async Task Drain(Task write)
    {
        await Task.WhenAny(write, Task.Delay(s_drainGrace)).ConfigureAwait(false);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
