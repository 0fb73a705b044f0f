// The RAID cases of tests/data/raid: one case per folder with expected.json
// (status, optional variants under non-default options). Read in place, never copied.
using System.Text.Json;
using OpsKit.Core;
using OpsKit.Raid;
using OpsKit.Testing;

namespace OpsKit.Raid.Tests;

/// <summary>Enumerates and reads fixture cases.</summary>
public static class FixtureCases
{
    /// <summary>tests/data/raid.</summary>
    public static string Root => RepoPaths.TestData("raid");

    /// <summary>Every case as "controller/case".</summary>
    public static IEnumerable<object[]> All() =>
        Directory.EnumerateDirectories(Root).OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(c => Directory.EnumerateDirectories(c).OrderBy(d => d, StringComparer.Ordinal))
            .Where(d => File.Exists(Path.Combine(d, "expected.json")))
            .Select(d => new object[] { Path.GetRelativePath(Root, d) });

    /// <summary>The expected.json of a case.</summary>
    public static Expected Read(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, name, "expected.json")));
        var root = doc.RootElement;
        var variants = new List<(RaidPolicy, CheckStatus, string)>();
        if (root.TryGetProperty("variants", out var vs))
        {
            foreach (var v in vs.EnumerateArray())
            {
                var policy = RaidPolicy.Default;
                var text = new List<string>();
                foreach (var o in v.GetProperty("options").EnumerateObject())
                {
                    var value = o.Value.GetString()!;
                    text.Add($"{o.Name}={value}");
                    policy = o.Name switch
                    {
                        "check_state" => policy with { CheckState = RaidPolicy.ParseState(value, o.Name) },
                        "resync_state" => policy with { ResyncState = RaidPolicy.ParseState(value, o.Name) },
                        "bbu_learn_state" => policy with { BbuLearnState = RaidPolicy.ParseState(value, o.Name) },
                        "cache_fail_state" => policy with { CacheFailState = RaidPolicy.ParseState(value, o.Name) },
                        "noraid_state" => policy with { NoRaidState = RaidPolicy.ParseState(value, o.Name) },
                        "spare_count" => policy with { SpareCounts = RaidPolicy.ParseSpareCounts(value) },
                        _ => throw new InvalidDataException($"{name}: unknown variant option {o.Name}"),
                    };
                }
                variants.Add((policy, Status(v.GetProperty("status").GetString()), string.Join(",", text)));
            }
        }
        return new Expected(Status(root.GetProperty("status").GetString()), root.GetProperty("why").GetString() ?? "", variants);
    }

    private static CheckStatus Status(string? s) => CheckStatuses.TryParse(s, out var st) ? st : throw new InvalidDataException($"bad status {s}");
}

/// <summary>What a case must give.</summary>
/// <param name="Status">Default status.</param>
/// <param name="Why">The reason given.</param>
/// <param name="Variants">Policy, status and a label per variant.</param>
public sealed record Expected(CheckStatus Status, string Why, IReadOnlyList<(RaidPolicy Policy, CheckStatus Status, string Label)> Variants);
