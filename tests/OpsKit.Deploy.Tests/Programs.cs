// Running the programs the deployment tests drive (systemd-analyze, make, ansible-playbook, the textfile script).
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Deploy.Tests;

/// <summary>Process helpers and the repository's deployment paths.</summary>
internal static class Programs
{
    /// <summary>packaging/systemd: the units and the textfile script.</summary>
    public static string UnitSource => Path.Combine(RepoPaths.Root, "packaging", "systemd");

    /// <summary>The six unit files, by name.</summary>
    public static IReadOnlyList<string> UnitNames =>
        [.. Directory.GetFiles(UnitSource).Select(Path.GetFileName).OfType<string>().Where(n => n.EndsWith(".service", StringComparison.Ordinal) || n.EndsWith(".timer", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Runs a program; env entries with null values are removed.</summary>
    public static CommandResult Run(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? env = null,
        string? workingDirectory = null, TimeSpan? timeout = null, string? stdin = null) =>
        new ProcessRunner().RunAsync(new CommandSpec(program, args)
        {
            Environment = env,
            WorkingDirectory = workingDirectory,
            Timeout = timeout ?? TimeSpan.FromMinutes(2),
            StandardInput = stdin is null ? [] : System.Text.Encoding.UTF8.GetBytes(stdin),
        }).GetAwaiter().GetResult();

    /// <summary>Runs a program and fails the test unless it exits 0.</summary>
    public static CommandResult Ok(string program, params string[] args)
    {
        var r = Run(program, args);
        Assert.True(r.ExitCode == 0, $"{program} {string.Join(' ', args)}: exit {r.ExitCode}\n{r.StandardOutput}{r.StandardError}");
        return r;
    }

    /// <summary>The ExecStart= command lines of a unit, in order.</summary>
    public static IReadOnlyList<string> ExecStart(string unit) =>
        [.. File.ReadAllLines(Path.Combine(UnitSource, unit)).Where(l => l.StartsWith("ExecStart=", StringComparison.Ordinal)).Select(l => l["ExecStart=".Length..])];
}
