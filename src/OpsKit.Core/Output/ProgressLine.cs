// One status line on a terminal's stderr for long runs (rpm build, snapshot create): rewritten in place
// with a carriage return, the elapsed time ticking, and blanked at the end so the terminal is left as it was.
// Never on a pipe, a file or under cron: there it would be noise in a log or a mail.
using System.Diagnostics;

namespace OpsKit.Core.Output;

/// <summary>A self-updating progress line; report phases through <see cref="IProgress{T}"/>.</summary>
public sealed class ProgressLine : IProgress<string>, IDisposable
{
    private readonly TextWriter _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private string _phase;
    private int _width;
    private bool _done;

    /// <summary>Starts a line with a first phase; redraws every second.</summary>
    public ProgressLine(TextWriter writer, string phase)
    {
        _writer = writer;
        _phase = phase;
        Draw();
        _timer = new Timer(_ => Draw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>True when an interactive run's stderr is a terminal: only then is a progress line wanted.</summary>
    public static bool Wanted(RunMode mode) => mode == RunMode.Interactive && !Console.IsErrorRedirected;

    /// <summary>A line on stderr when <see cref="Wanted"/>, else null.</summary>
    public static ProgressLine? OnTerminal(RunMode mode, TextWriter stderr, string phase) =>
        Wanted(mode) ? new ProgressLine(stderr, phase) : null;

    /// <summary>Blanks a line another program drew on the terminal (rsync's --info=progress2).</summary>
    public static void Clear(TextWriter writer, int width = 100) => writer.Write("\r" + new string(' ', width) + "\r");

    /// <inheritdoc />
    public void Report(string value)
    {
        lock (_lock) _phase = value;
        Draw();
    }

    private void Draw()
    {
        lock (_lock)
        {
            if (_done) return;
            var t = _clock.Elapsed;
            var text = $"opskit: {_phase} ({(int)t.TotalMinutes}:{t.Seconds:00})";
            var pad = Math.Max(0, _width - text.Length);
            _writer.Write("\r" + text + new string(' ', pad));
            _writer.Flush();
            _width = text.Length;
        }
    }

    /// <summary>Stops the clock and blanks the line.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            if (_done) return;
            _done = true;
            Clear(_writer, _width);
            _writer.Flush();
        }
    }
}
