// Options shared by the hwerr verbs, defined once with their help text.
using System.CommandLine;
using OpsKit.HwErr;

namespace OpsKit.Commands.HwErr;

/// <summary>Option factories of the hwerr verbs.</summary>
internal static class HwErrOptions
{
    public static Option<string?> State(string more = "") => new("--state")
    {
        Description = "State file of live checks" + more + ". [default: [hwerr] state_file, " + HwErrSettings.DefaultStateFile + "]",
        HelpName = "FILE",
    };

    public static Option<bool> Journal() => new("--journal")
    {
        Description = "Read the live kernel log with 'journalctl -k' instead of /dev/kmsg ([hwerr] kernel_log = \"journal\").",
    };

    /// <summary>Settings from [hwerr].</summary>
    public static HwErrSettings Settings(CommandHost host) => HwErrSettings.Bind(host.Config.Section("hwerr"));
}
