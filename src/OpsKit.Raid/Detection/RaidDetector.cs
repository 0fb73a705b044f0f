// Detection (a controller whose tool is missing must not pass as "no RAID"): hardware evidence from
// /proc/scsi/scsi vendors (as the old raid_check shell script did) and bound PCI drivers, md arrays
// from /proc/mdstat, and tools on PATH or configured paths. Hardware without its tool
// is a problem (UNKNOWN with an install hint), never "no RAID".
using OpsKit.Core;
using OpsKit.Raid.Backends;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Detection;

/// <summary>Finds what to check on this host.</summary>
public static class RaidDetector
{
    private sealed record Family(string Name, string[] Backends, string[] Drivers, string[] ScsiWords, bool ToolRequired);

    private static readonly Family[] s_families =
    [
        new("megaraid", ["storcli", "megacli", "cmdtool2"], ["megaraid_sas", "megaraid_mbox"], ["MegaRAID", "PERC", "ServeRAID"], true),
        new("3ware", ["3ware"], ["3w-9xxx", "3w-sas", "3w-xxxx"], ["AMCC", "3ware"], true),
        new("areca", ["areca"], ["arcmsr"], ["Areca"], true),
        new("mpt", ["sas2ircu"], ["mpt2sas", "mpt3sas"], [], false),
    ];

    /// <summary>Runs detection.</summary>
    public static DetectionResult Detect(SystemContext context, RaidSettings settings)
    {
        var result = new DetectionResult();
        ScsiVendors(context, result);
        Drivers(context, result);
        Mdstat(context, result);
        foreach (var family in s_families)
        {
            var evidence = result.Findings.Where(f => f.Family == family.Name).ToList();
            var chosen = family.Backends.Select(RaidBackends.Find).OfType<IRaidBackend>()
                .Select(b => (Backend: b, Program: ToolLocator.Find(b, context, settings)))
                .FirstOrDefault(x => x.Program is not null);
            if (chosen.Program is not null)
            {
                result.Findings.Add(new DetectionFinding("tools", $"{chosen.Backend.Name}: {chosen.Program}", family.Name));
                var why = evidence.Count > 0 ? $"{evidence[0].Detail} ({evidence[0].Source}); tool {chosen.Program}" : $"tool {chosen.Program} found";
                result.Selected.Add(new DetectedBackend(chosen.Backend, chosen.Program, why));
            }
            else if (evidence.Count > 0 && family.ToolRequired)
            {
                var tools = family.Backends.SelectMany(b => RaidBackends.Find(b)!.Programs);
                result.Problems.Add(new RaidNote(CheckStatus.Unknown,
                    $"{evidence[0].Detail} ({evidence[0].Source}) but no tool to check it: install one of {string.Join(", ", tools)} or set [raid] tool_paths"));
            }
        }
        return result;
    }

    private static void ScsiVendors(SystemContext context, DetectionResult result)
    {
        var path = context.HostPath("/proc/scsi/scsi");
        var lines = File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Contains("Vendor:", StringComparison.Ordinal)).Select(l => ("/proc/scsi/scsi", l))
            : SysfsScsiDevices(context).Select(l => ("/sys/class/scsi_device", l));
        foreach (var (source, line) in lines)
        {
            var family = s_families.FirstOrDefault(f => f.ScsiWords.Any(w => line.Contains(w, StringComparison.OrdinalIgnoreCase)));
            if (family is not null && result.Findings.All(f => f.Family != family.Name || f.Source != source))
                result.Findings.Add(new DetectionFinding(source, string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)), family.Name));
        }
    }

    /// <summary>"Vendor: X Model: Y" per device from sysfs, for kernels without CONFIG_SCSI_PROC_FS.</summary>
    private static IEnumerable<string> SysfsScsiDevices(SystemContext context)
    {
        var dir = context.HostPath("/sys/class/scsi_device");
        if (!Directory.Exists(dir)) yield break;
        foreach (var dev in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            string Read(string name)
            {
                var f = Path.Combine(dev, "device", name);
                return File.Exists(f) ? File.ReadAllText(f).Trim() : "";
            }
            yield return $"Vendor: {Read("vendor")} Model: {Read("model")}";
        }
    }

    private static void Drivers(SystemContext context, DetectionResult result)
    {
        foreach (var family in s_families)
        {
            foreach (var driver in family.Drivers)
            {
                var dir = context.HostPath($"/sys/bus/pci/drivers/{driver}");
                if (!Directory.Exists(dir)) continue;
                var devices = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Where(n => n is not null && n.Length > 5 && n[4] == ':').ToList();
                if (devices.Count > 0)
                    result.Findings.Add(new DetectionFinding("/sys/bus/pci/drivers", $"driver {driver} bound to {string.Join(", ", devices)}", family.Name));
            }
        }
    }

    private static void Mdstat(SystemContext context, DetectionResult result)
    {
        var path = context.HostPath("/proc/mdstat");
        if (!File.Exists(path)) return;
        var arrays = MdstatParser.Parse(File.ReadAllText(path));
        if (arrays is not { Count: > 0 }) return;
        var names = string.Join(", ", arrays.Select(a => a.Name));
        result.Findings.Add(new DetectionFinding("/proc/mdstat", $"md arrays {names}", "md"));
        result.Selected.Insert(0, new DetectedBackend(RaidBackends.Find("mdstat")!, null, $"/proc/mdstat lists {names}"));
    }
}
