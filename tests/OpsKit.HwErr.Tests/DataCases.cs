// The hardware-error cases of tests/data/hwerr (copied from the team's shared data with their
// README): sysfs trees, kernel logs and tool outputs, each with expected.json.
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.HwErr;
using OpsKit.HwErr.Model;
using OpsKit.HwErr.Parsing;
using OpsKit.Testing;

namespace OpsKit.HwErr.Tests;

/// <summary>Enumerates, reads and runs the cases.</summary>
public static class DataCases
{
    /// <summary>tests/data/hwerr.</summary>
    public static string Root => Path.Combine(RepoPaths.Root, "tests", "data", "hwerr");

    /// <summary>Every case as "sysfs/NAME", "logs/NAME" or "tools/NAME".</summary>
    public static IEnumerable<object[]> All() =>
        Directory.EnumerateDirectories(Path.Combine(Root, "sysfs")).Select(d => "sysfs/" + Path.GetFileName(d))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "logs"), "*.txt").Select(f => "logs/" + Path.GetFileNameWithoutExtension(f)))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "tools"), "*.txt").Select(f => "tools/" + Path.GetFileNameWithoutExtension(f)))
            .Order(StringComparer.Ordinal)
            .Select(c => new object[] { c });

    /// <summary>The expected.json of a case.</summary>
    public static JsonObject Expected(string name) =>
        JsonNode.Parse(File.ReadAllText(name.StartsWith("sysfs/", StringComparison.Ordinal)
            ? Path.Combine(Root, name, "expected.json")
            : Path.Combine(Root, name + ".expected.json")))!.AsObject();

    /// <summary>The tool kind of a tools/ case, from its name.</summary>
    public static string ToolKind(string name) =>
        ToolKinds.All.First(k => Path.GetFileName(name).StartsWith(k, StringComparison.Ordinal));

    /// <summary>The command-line arguments that replay a case.</summary>
    public static string[] Args(string name) => name.Split('/')[0] switch
    {
        "sysfs" => ["--root", Path.Combine(Root, name)],
        "logs" => ["--log", Path.Combine(Root, name + ".txt")],
        _ => ["--from", $"{ToolKind(name)}={Path.Combine(Root, name + ".txt")}"],
    };

    /// <summary>Replays a case in process.</summary>
    public static HwErrReport Run(string name)
    {
        var inputs = name.Split('/')[0] switch
        {
            "sysfs" => new ReplayInputs { Root = Path.Combine(Root, name) },
            "logs" => new ReplayInputs { Logs = [Path.Combine(Root, name + ".txt")] },
            _ => new ReplayInputs { Tools = [(ToolKind(name), Path.Combine(Root, name + ".txt"))] },
        };
        return new HwErrChecker(new SystemContext(), new HwErrSettings()).ReplayAsync(inputs).GetAwaiter().GetResult();
    }
}
