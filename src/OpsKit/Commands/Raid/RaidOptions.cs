// Options shared by the raid verbs, defined once with their help text.
using System.CommandLine;
using OpsKit.Raid;
using OpsKit.Raid.Backends;

namespace OpsKit.Commands.Raid;

/// <summary>Option factories of the raid verbs.</summary>
internal static class RaidOptions
{
    private static readonly string[] s_states = ["OK", "WARNING", "CRITICAL", "UNKNOWN"];

    public static Option<string[]> Backend() => new Option<string[]>("--backend", "-b")
    {
        Description = $"Run this backend instead of detecting (repeatable): {string.Join(", ", RaidBackends.Names)}.",
        HelpName = "NAME",
        AllowMultipleArgumentsPerToken = false,
    }.AcceptOnlyFromAmongNames();

    public static Option<string?> State(string name, string what, string builtIn) => new($"--{name}")
    {
        Description = $"Status when {what}: OK, WARNING, CRITICAL or UNKNOWN. [default: [raid] {name.Replace('-', '_')}, {builtIn}]",
        HelpName = "STATE",
    };

    public static Option<string?> SpareCount() => new("--spare-count")
    {
        Description = "Spares each md array must have, as mdX:N[,mdY:M]: fewer is WARNING, a missing array CRITICAL.",
        HelpName = "LIST",
    };

    public static Option<int?> Timeout() => new("--timeout")
    {
        Description = "Seconds before a vendor tool is killed and the check says UNKNOWN. [default: [raid] timeout, 60]",
        HelpName = "SECONDS",
    };

    private static Option<string[]> AcceptOnlyFromAmongNames(this Option<string[]> o)
    {
        o.AcceptOnlyFromAmong([.. RaidBackends.Names]);
        return o;
    }

    /// <summary>The states accepted by the state options (for completions and docs).</summary>
    public static IReadOnlyList<string> States => s_states;

    /// <summary>Settings from [raid] with the flags applied.</summary>
    public static RaidSettings Settings(CommandHost host, RaidOverrides overrides) =>
        overrides.ApplyTo(RaidSettings.Bind(host.Config.Section("raid")));
}
