// A destination for formatted log entries: stderr, syslog or a file.
using Microsoft.Extensions.Logging;

namespace OpsKit.Core.Logging;

/// <summary>One log destination. Implementations must be thread-safe.</summary>
public interface ILogSink : IDisposable
{
    /// <summary>Lowest level this sink writes.</summary>
    LogLevel MinimumLevel { get; }

    /// <summary>Writes one formatted message.</summary>
    void Write(LogEntry entry);
}

/// <summary>A formatted log message with its metadata.</summary>
/// <param name="Time">When it was logged.</param>
/// <param name="Level">Severity.</param>
/// <param name="Category">Logger category (usually the class or backend).</param>
/// <param name="Message">The rendered message template, with any scope prefix.</param>
/// <param name="Exception">An exception attached to the entry.</param>
public sealed record LogEntry(DateTimeOffset Time, LogLevel Level, string Category, string Message, Exception? Exception);
