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
        Assert.Equal(ProcessRunner.KilledExitCode, r.ExitCode);
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
    public async Task StreamedOutput_ArrivesWhileTheProgramRuns_AndIsNotCaptured()
    {
        using var dir = new TempDir();
        var marker = dir.File("go");
        using var sink = new RecordingStream();
        // The program waits for a file that the test creates only after it saw the first line.
        var run = _runner.RunAsync(new CommandSpec("sh", "-c", $"echo first; while [ ! -e {marker} ]; do sleep 0.05; done; echo second; echo err >&2")
            { StreamStandardOutput = sink, Timeout = TimeSpan.FromSeconds(20) });
        var clock = Stopwatch.StartNew();
        while (Snapshot(sink) != "first\n" && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        Assert.Equal("first\n", Snapshot(sink));
        File.WriteAllText(marker, "");
        var r = await run;
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("first\nsecond\n", Snapshot(sink));
        Assert.Equal("", r.StandardOutput);
        Assert.Equal("err\n", r.StandardError);
    }

    [Fact]
    public async Task ADaemonisedGrandchildHoldingStdout_DoesNotHoldUsUp()
    {
        using var dir = new TempDir();
        var pidFile = dir.File("daemon.pid");
        var clock = Stopwatch.StartNew();
        var r = await _runner.RunAsync(new CommandSpec("sh", "-c", $"setsid sleep 60 & echo $! > {pidFile}; echo done"));
        var daemon = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("done\n", r.StandardOutput);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        }
        finally
        {
            Process.GetProcessById(daemon).Kill();
        }
    }

    [Fact]
    public async Task StartDetached_RunsInItsOwnSession_WithOutputInTheLog_AndOutlivesTheCall()
    {
        using var dir = new TempDir();
        var log = dir.File("daemon.log");
        File.WriteAllText(log, "earlier\n");
        var p = ProcessRunner.StartDetached(new CommandSpec("sh", "-c", "echo started; echo oops >&2; exec sleep 60"), log);
        try
        {
            var clock = Stopwatch.StartNew();
            while (!File.ReadAllText(log).Contains("oops", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);
            Assert.Equal("earlier\nstarted\noops\n", File.ReadAllText(log));
            Assert.False(p.HasExited);
            Assert.Null(p.ExitCode);
            // The pid is the program's own (exec'd through setsid and sh), and it leads a new session.
            var stat = File.ReadAllText($"/proc/{p.Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            Assert.Equal("sleep", File.ReadAllText($"/proc/{p.Pid}/comm").Trim());
            Assert.Equal(p.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[3]);
        }
        finally
        {
            Process.GetProcessById(p.Pid).Kill();
        }
    }

    [Fact]
    public async Task StartDetached_AProgramThatFails_ReportsItsExitCode()
    {
        using var dir = new TempDir();
        var p = ProcessRunner.StartDetached(new CommandSpec("sh", "-c", "exit 3"), dir.File("log"));
        await p.Exit.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(p.HasExited);
        Assert.Equal(3, p.ExitCode);
    }

    [Fact]
    public void Display_QuotesWordsForPeople() =>
        Assert.Equal("rsync --server -e.Lsfx 'a b' 'it'\\''s'", new CommandSpec("rsync", "--server", "-e.Lsfx", "a b", "it's").Display);

    private static string Snapshot(RecordingStream sink) => sink.Text;

    /// <summary>A write-only stream that can be read back while another thread writes to it.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly MemoryStream _bytes = new();

        public string Text
        {
            get { lock (_bytes) return System.Text.Encoding.UTF8.GetString(_bytes.ToArray()); }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_bytes) _bytes.Write(buffer, offset, count);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

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
