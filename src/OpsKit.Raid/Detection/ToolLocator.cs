// Finds a backend's program: configured paths first, then PATH, then the places vendors
// install to (cron's PATH lacks /opt and often /usr/local/sbin).
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Raid.Backends;

namespace OpsKit.Raid.Detection;

/// <summary>Locates vendor tools.</summary>
public static class ToolLocator
{
    /// <summary>Install directories of the vendor tools.</summary>
    public static IReadOnlyList<string> VendorDirectories { get; } =
    [
        "/opt/MegaRAID/storcli", "/opt/MegaRAID/perccli", "/opt/MegaRAID/MegaCli", "/opt/MegaRAID/CmdTool2",
        "/opt/lsi/storcli", "/opt/lsi/sas2ircu", "/opt/lsi/sas3ircu", "/opt/areca", "/opt/3ware", "/usr/StorMan", "/opt/bin",
    ];

    /// <summary>The search path used for <paramref name="settings"/> and the context's PATH.</summary>
    public static string SearchPath(SystemContext context, RaidSettings settings)
    {
        var dirs = settings.ToolPaths.Where(Directory.Exists).ToList();
        dirs.Add(context.Env("PATH") ?? ExecutableLocator.DefaultPath);
        dirs.AddRange(VendorDirectories);
        return string.Join(':', dirs);
    }

    /// <summary>The full path of the first program of the backend found, or null.</summary>
    public static string? Find(IRaidBackend backend, SystemContext context, RaidSettings settings) =>
        FindProgram(backend.Programs, context, settings);

    /// <summary>The first of <paramref name="names"/> found (configured full paths count when their file name matches).</summary>
    public static string? FindProgram(IEnumerable<string> names, SystemContext context, RaidSettings settings)
    {
        var path = SearchPath(context, settings);
        foreach (var name in names)
        {
            var configured = settings.ToolPaths.FirstOrDefault(p => File.Exists(p) && Path.GetFileName(p) == name);
            if (configured is not null) return configured;
            if (ExecutableLocator.Find(name, path) is { } found) return found;
        }
        return null;
    }
}
