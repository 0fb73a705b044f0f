// Everything that touches the host goes through here:
// tests point RootPath at a fixture tree and swap the runner for a replay.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpsKit.Core.Processes;

namespace OpsKit.Core;

/// <summary>The host as a tool sees it.</summary>
public sealed class SystemContext
{
    /// <summary>Creates a context; every part has a real default.</summary>
    public SystemContext(
        string rootPath = "/",
        ICommandRunner? runner = null,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string>? environment = null,
        ILoggerFactory? loggers = null,
        RunMode mode = RunMode.Interactive)
    {
        RootPath = rootPath;
        Runner = runner ?? new ProcessRunner();
        Clock = clock ?? TimeProvider.System;
        Environment = environment ?? ReadEnvironment();
        Loggers = loggers ?? NullLoggerFactory.Instance;
        Mode = mode;
    }

    /// <summary>The file-system root the tool reads /proc, /sys, /etc and /dev under. "/" on a real host.</summary>
    public string RootPath { get; }

    /// <summary>Runs external programs.</summary>
    public ICommandRunner Runner { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The process environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Creates loggers bound to the sinks of this run mode.</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>How OpsKit was started.</summary>
    public RunMode Mode { get; }

    /// <summary>Maps an absolute host path such as /proc/mdstat into <see cref="RootPath"/>.</summary>
    public string HostPath(string absolutePath)
    {
        if (RootPath == "/") return absolutePath;
        return Path.Join(RootPath, absolutePath.TrimStart('/'));
    }

    /// <summary>An environment variable or null.</summary>
    public string? Env(string name) => Environment.TryGetValue(name, out var v) ? v : null;

    /// <summary>A copy with other parts replaced.</summary>
    public SystemContext With(string? rootPath = null, ICommandRunner? runner = null, TimeProvider? clock = null,
        ILoggerFactory? loggers = null, RunMode? mode = null) =>
        new(rootPath ?? RootPath, runner ?? Runner, clock ?? Clock, Environment, loggers ?? Loggers, mode ?? Mode);

    /// <summary>A snapshot of this process's environment.</summary>
    public static Dictionary<string, string> ReadEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && e.Value is string v) env[k] = v;
        }
        return env;
    }
}
