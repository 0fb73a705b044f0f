// opskit rpm setup: create the rpmbuild tree and record %_topdir in ~/.rpmmacros.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Rpm;
using OpsKit.Rpm.Setup;

namespace OpsKit.Commands.Rpm;

/// <summary>"rpm setup".</summary>
public static class RpmSetupCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var topDir = new Option<string?>("--topdir") { Description = "The build tree. [default: the %_topdir of ~/.rpmmacros, else ~/rpmbuild]", HelpName = "DIR" };
        var allowRoot = new Option<bool>("--allow-root") { Description = "Run even as root (building packages as root is discouraged)." };
        var command = new Command("setup", "Create BUILD/RPMS/SOURCES/SPECS/SRPMS and set %_topdir in ~/.rpmmacros (idempotent; never rewrites the file).")
        {
            topDir, allowRoot,
        };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit-rpm");
            var result = BuildTreeSetup.Run(host.Context, new SetupOptions(parse.GetValue(topDir), parse.GetValue(allowRoot), Posix.IsRoot));
            var o = parse.Out;
            o.WriteLine($"top dir: {result.TopDir}");
            if (result.Created.Count > 0) o.WriteLine($"created: {string.Join(' ', result.Created)}");
            if (result.Present.Count > 0) o.WriteLine($"present: {string.Join(' ', result.Present)}");
            o.WriteLine(result.Action switch
            {
                MacrosAction.Created => $"{result.MacrosFile}: written with %_topdir {result.TopDir}",
                MacrosAction.Appended => $"{result.MacrosFile}: appended %_topdir {result.TopDir}",
                MacrosAction.Unchanged => $"{result.MacrosFile}: already sets %_topdir {result.TopDir}",
                _ => $"{result.MacrosFile}: left alone; it sets %_topdir {result.ExistingTopDir}. Use 'opskit rpm build --topdir {result.TopDir}' or edit the file.",
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
