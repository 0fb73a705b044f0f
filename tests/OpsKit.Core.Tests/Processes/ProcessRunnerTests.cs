// The real runner against real programs: argv without a shell, streams, stdin,
// exit codes, timeouts that kill the whole tree, cancellation.
using System.Diagnostics;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Core.Tests.Processes;

public class ProcessRunnerTests
{
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task CapturesStdoutStderrAndExitCode()
    {
        var r = await _runner.RunAsync(new CommandSpec("sh", "-c", "echo out; echo err >&2; exit 3"));
        Assert.Equal(3, r.ExitCode);
        Assert.Equal("out\n", r.StandardOutput);
        Assert.Equal("err\n", r.StandardError);
        Assert.False(r.TimedOut);
        Assert.False(r.Succeeded);
    }

    [Fact]
    public async Task ArgumentsAreNotInterpretedByAShell()
    {
        var r = await _runner.RunAsync(new CommandSpec("printf", "%s|", "a b", "$(id)", "; rm -rf /", "*"));
        Assert.Equal("a b|$(id)|; rm -rf /|*|", r.StandardOutput);
    }

    [Fact]
    public async Task StandardInputIsFedAndClosed()
    {
        var r = await _runner.RunAsync(new CommandSpec("wc", "-c") { StandardInput = new byte[100_000] });
        Assert.Equal("100000", r.StandardOutput.Trim());
    }

    [Fact]
    public async Task MissingProgram_IsAStartErrorNotAnException()
    {
        var r = await _runner.RunAsync(new CommandSpec("/nonexistent/tool", "-x"));
        Assert.Equal(127, r.ExitCode);
        Assert.NotNull(r.StartError);
    }

    [Fact]
    public async Task Timeout_KillsTheWholeTree()
    {
        using var dir = new TempDir();
        var pidFile = dir.File("child.pid");
        // The shell starts a grandchild that would outlive a plain kill of the shell.
        var spec = new CommandSpec("sh", "-c", $"sleep 300 & echo $! > {pidFile}; wait") { Timeout = TimeSpan.FromMilliseconds(500) };
        var clock = Stopwatch.StartNew();
        var r = await _runner.RunAsync(spec);
        Assert.True(r.TimedOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await WaitGone(child);
        Assert.False(Directory.Exists($"/proc/{child}") && !IsZombie(child), $"grandchild {child} survived the timeout");
    }

    [Fact]
    public async Task Cancellation_KillsAndThrows()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _runner.RunAsync(new CommandSpec("sleep", "300"), cts.Token));
    }

    [Fact]
    public async Task EnvironmentChangesApply_AndCanBeCleared()
    {
        var env = new Dictionary<string, string?> { ["OPSKIT_TEST_A"] = "1", ["HOME"] = null };
        var r = await _runner.RunAsync(new CommandSpec("/usr/bin/env") { Environment = env, ClearEnvironment = true });
        Assert.Equal("OPSKIT_TEST_A=1\n", r.StandardOutput);
    }

    [Fact]
    public void Display_QuotesWordsForPeople() =>
        Assert.Equal("rsync --server -e.Lsfx 'a b' 'it'\\''s'", new CommandSpec("rsync", "--server", "-e.Lsfx", "a b", "it's").Display);

    private static async Task WaitGone(int pid)
    {
        for (var i = 0; i < 50 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++) await Task.Delay(100);
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
