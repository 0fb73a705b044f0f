// An ILogger that renders the message template once and hands it to every sink.
using Microsoft.Extensions.Logging;

namespace OpsKit.Core.Logging;

/// <summary>Logger over a fixed set of sinks.</summary>
internal sealed class SinkLogger(string category, IReadOnlyList<ILogSink> sinks, TimeProvider clock) : ILogger
{
    private static readonly AsyncLocal<ScopeFrame?> s_scope = new();

    public IDisposable BeginScope<TState>(TState state) where TState : notnull
    {
        var frame = new ScopeFrame(state.ToString() ?? "", s_scope.Value);
        s_scope.Value = frame;
        return frame;
    }

    public bool IsEnabled(LogLevel logLevel) =>
        logLevel != LogLevel.None && sinks.Any(s => logLevel >= s.MinimumLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var message = formatter(state, exception);
        var prefix = ScopeFrame.Prefix(s_scope.Value);
        var entry = new LogEntry(clock.GetLocalNow(), logLevel, category, prefix + message, exception);
        foreach (var sink in sinks)
        {
            if (logLevel >= sink.MinimumLevel) sink.Write(entry);
        }
    }

    /// <summary>A scope such as a backend name, shown as "name: " before the message.</summary>
    private sealed class ScopeFrame(string name, ScopeFrame? parent) : IDisposable
    {
        public static string Prefix(ScopeFrame? f)
        {
            if (f is null) return "";
            var names = new List<string>();
            for (var s = f; s is not null; s = s.Parent) if (s.Name.Length > 0) names.Add(s.Name);
            names.Reverse();
            return names.Count == 0 ? "" : string.Join(": ", names) + ": ";
        }

        public string Name { get; } = name;
        public ScopeFrame? Parent { get; } = parent;

        public void Dispose() => s_scope.Value = Parent;
    }
}
