// Interactive sink: "opskit: warning: message" lines on stderr.
using Microsoft.Extensions.Logging;

namespace OpsKit.Core.Logging;

/// <summary>Writes log entries to a text writer (stderr by default).</summary>
public sealed class StderrSink(LogLevel minimumLevel, TextWriter? writer = null, bool showStack = false) : ILogSink
{
    private readonly TextWriter _writer = writer ?? Console.Error;
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public LogLevel MinimumLevel { get; } = minimumLevel;

    /// <inheritdoc />
    public void Write(LogEntry entry)
    {
        var label = entry.Level switch
        {
            LogLevel.Critical or LogLevel.Error => "error: ",
            LogLevel.Warning => "warning: ",
            LogLevel.Information => "",
            _ => "debug: ",
        };
        lock (_gate)
        {
            _writer.WriteLine($"opskit: {label}{LineFormat.OneLine(entry)}");
            if (showStack && entry.Exception is not null) _writer.WriteLine(entry.Exception.ToString());
        }
    }

    /// <inheritdoc />
    public void Dispose() { }
}
