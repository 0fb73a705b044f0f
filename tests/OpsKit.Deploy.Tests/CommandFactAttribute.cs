// A fact about a command another branch adds (the units name it already): skipped, with the reason, while the
// built binary does not have it, so the gap shows in the test summary instead of as a failure or a pass.
using OpsKit.Testing;

namespace OpsKit.Deploy.Tests;

/// <summary>Runs only when the built opskit has the command (e.g. "snapshot check").</summary>
public sealed class CommandFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute for the command words.</summary>
    public CommandFactAttribute(params string[] command)
    {
        if (!Commands.Has(command)) Skip = $"'opskit {string.Join(' ', command)}' is not in this build of opskit";
    }
}

/// <summary>Asks the built binary which commands it has.</summary>
internal static class Commands
{
    private static readonly Dictionary<string, bool> s_known = [];

    /// <summary>True when the help of the parent command lists the last word as a command.</summary>
    public static bool Has(IReadOnlyList<string> command)
    {
        var key = string.Join(' ', command);
        lock (s_known)
        {
            if (!s_known.TryGetValue(key, out var has))
            {
                try
                {
                    // "opskit snapshot check --help" of a build without "check" prints the help of "snapshot" and exits 0.
                    var help = OpskitProcess.Run([.. command.Take(command.Count - 1), "--help"]);
                    has = help.ExitCode == 0 && System.Text.RegularExpressions.Regex.IsMatch(help.StandardOutput, $@"(?m)^  {command[^1]}( |$)");
                }
                catch (FileNotFoundException)
                {
                    has = false;
                }
                s_known[key] = has;
            }
            return has;
        }
    }
}
