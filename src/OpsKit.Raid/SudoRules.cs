// "raid sudoers": one NOPASSWD rule per declared command line, so a monitoring user can
// run exactly these commands as root with "sudo -n" and nothing else ([raid] sudo = true).
using OpsKit.Core;
using OpsKit.Raid.Backends;
using OpsKit.Raid.Detection;

namespace OpsKit.Raid;

/// <summary>Builds sudoers rules from the backends' declarations.</summary>
public static class SudoRules
{
    /// <summary>Where each program usually lives when it is not installed here (sudoers needs full paths).</summary>
    private static readonly Dictionary<string, string> s_defaultPaths = new()
    {
        ["storcli"] = "/opt/MegaRAID/storcli/storcli64",
        ["megacli"] = "/opt/MegaRAID/MegaCli/MegaCli64",
        ["cmdtool2"] = "/opt/MegaRAID/CmdTool2/CmdTool2",
        ["3ware"] = "/usr/sbin/tw_cli",
        ["areca"] = "/usr/local/sbin/cli64",
        ["sas2ircu"] = "/usr/sbin/sas2ircu",
        ["mdadm"] = "/sbin/mdadm",
    };

    /// <summary>The sudoers snippet for <paramref name="user"/>; <paramref name="backends"/> empty: all.</summary>
    public static string Render(string user, IReadOnlyList<string> backends, SystemContext context, RaidSettings settings)
    {
        if (user.Length == 0 || user.Any(c => char.IsWhiteSpace(c) || c is ',' or ':' or '=' or '#'))
            throw OpsKitException.Usage($"'{user}' is not a valid user name for sudoers");
        var lines = new List<string>
        {
            $"# sudo rules for 'opskit raid check' run as {user} with [raid] sudo = true.",
            "# Install: opskit raid sudoers > /etc/sudoers.d/opskit-raid && chmod 0440 /etc/sudoers.d/opskit-raid && visudo -cf /etc/sudoers.d/opskit-raid",
            "# '*' stands for a controller number, enclosure or md device.",
            $"Defaults:{user} !requiretty",
        };
        var chosen = backends.Count == 0 ? RaidBackends.All : backends.Select(b => RaidBackends.Find(b) ?? throw OpsKitException.Usage($"unknown backend '{b}'")).ToList();
        foreach (var backend in chosen)
        {
            var own = backend.Programs.Count == 0 ? null : ToolLocator.Find(backend, context, settings) ?? s_defaultPaths[backend.Name];
            foreach (var decl in backend.Commands.Where(d => d.NeedsRoot))
            {
                var program = decl.Command.Program is { } p ? ToolLocator.FindProgram([p], context, settings) ?? s_defaultPaths.GetValueOrDefault(p, "/usr/sbin/" + p) : own;
                if (program is null) continue;
                var args = decl.Command.Arguments.Select(a => a.Replace("{c}", "*", StringComparison.Ordinal).Replace("{e}", "*", StringComparison.Ordinal));
                lines.Add($"{user} ALL=(root) NOPASSWD: {program} {string.Join(' ', args)}".TrimEnd());
            }
        }
        return string.Join('\n', lines) + "\n";
    }
}
