// The one logger factory of OpsKit: loggers write to the sinks chosen for the run mode.
using Microsoft.Extensions.Logging;

namespace OpsKit.Core.Logging;

/// <summary>Creates loggers that write to a fixed list of sinks; disposing it closes them.</summary>
public sealed class SinkLoggerFactory(IReadOnlyList<ILogSink> sinks, TimeProvider? clock = null) : ILoggerFactory
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The sinks in use (for tests and "config show").</summary>
    public IReadOnlyList<ILogSink> Sinks { get; } = sinks;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, Sinks, _clock);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("OpsKit chooses its sinks in LogSetup.");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var s in Sinks) s.Dispose();
    }
}
