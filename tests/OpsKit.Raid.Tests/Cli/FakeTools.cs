// Fake vendor tools for end-to-end tests: shell scripts in a temp directory put first on PATH.
using OpsKit.Testing;

namespace OpsKit.Raid.Tests.Cli;

/// <summary>A directory of fake tools.</summary>
public sealed class FakeTools : IDisposable
{
    private readonly TempDir _dir = new("raid-tools");

    /// <summary>The directory.</summary>
    public string Path => _dir.Path;

    /// <summary>Writes an executable script.</summary>
    public string Add(string name, string body)
    {
        var path = _dir.Write(name, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The environment for opskit: this directory first on PATH.</summary>
    public Dictionary<string, string?> Environment => new() { ["PATH"] = $"{Path}:{System.Environment.GetEnvironmentVariable("PATH")}" };

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}
