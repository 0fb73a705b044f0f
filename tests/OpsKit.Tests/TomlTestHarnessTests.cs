// The toml-test TOML 1.1 set (tests/data/toml-test-1.1) through the command a toml-test harness
// would drive: `opskit config toml-decode` (TOML on stdin, tagged JSON out, exit 1 on invalid).
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OpsKit.Testing;

namespace OpsKit.Tests;

public class TomlTestHarnessTests
{
    [Fact]
    public void AllCasesOfTomlTest_PassThroughTheBinary()
    {
        var root = TomlTestRoot();
        var cases = File.ReadAllLines(Path.Combine(root, "files-toml-1.1.0"))
            .Where(l => l.EndsWith(".toml", StringComparison.Ordinal)).ToList();
        Assert.Equal(712, cases.Count);
        Assert.Equal(220, cases.Count(c => c.StartsWith("valid/", StringComparison.Ordinal)));
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, file =>
        {
            var input = File.ReadAllBytes(Path.Combine(root, file));
            var r = Run(input);
            if (file.StartsWith("invalid/", StringComparison.Ordinal))
            {
                if (r.ExitCode != 1 || !r.StandardError.StartsWith("opskit: -:", StringComparison.Ordinal))
                    failures.Add($"{file}: expected exit 1 with an error, got {r.ExitCode} {r.StandardError}");
                return;
            }
            var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(root, Path.ChangeExtension(file, ".json"))));
            if (r.ExitCode != 0) { failures.Add($"{file}: exit {r.ExitCode}: {r.StandardError}"); return; }
            var actual = JsonNode.Parse(r.StandardOutput);
            if (!TaggedJson.Equal(expected, actual)) failures.Add($"{file}: got {r.StandardOutput}");
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of 712 failed:\n" + string.Join("\n", failures.Take(20)));
    }

    private static string TomlTestRoot() => RepoPaths.TestData("toml-test-1.1");

    private static OpsKit.Core.Processes.CommandResult Run(byte[] input)
    {
        var spec = new OpsKit.Core.Processes.CommandSpec(RepoPaths.OpskitBinary, "config", "toml-decode")
        {
            StandardInput = input,
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new OpsKit.Core.Processes.ProcessRunner().RunAsync(spec).GetAwaiter().GetResult();
    }
}
