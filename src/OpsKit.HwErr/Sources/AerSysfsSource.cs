// PCIe AER counters per device under /sys/bus/pci/devices/<bdf>/: aer_dev_correctable,
// aer_dev_nonfatal, aer_dev_fatal ("NAME COUNT" lines, the 4.19 long names or the short
// ones, ending with a TOTAL_ERR_* line) and a root port's aer_rootport_total_err_*.
using System.Globalization;
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Sources;

/// <summary>Reads the AER statistics of every PCI device.</summary>
public sealed class AerSysfsSource : IHwErrSource
{
    /// <summary>The directory on a live host.</summary>
    public const string DevicesDirectory = "/sys/bus/pci/devices";

    private static readonly (string File, string Kind, string Total, Severity Severity)[] s_files =
    [
        ("aer_dev_correctable", "correctable", "TOTAL_ERR_COR", Severity.Corrected),
        ("aer_dev_nonfatal", "nonfatal", "TOTAL_ERR_NONFATAL", Severity.Uncorrected),
        ("aer_dev_fatal", "fatal", "TOTAL_ERR_FATAL", Severity.Uncorrected),
    ];

    private static readonly (string File, Severity Severity)[] s_rootPort =
    [
        ("aer_rootport_total_err_cor", Severity.Corrected),
        ("aer_rootport_total_err_nonfatal", Severity.Uncorrected),
        ("aer_rootport_total_err_fatal", Severity.Uncorrected),
    ];

    /// <inheritdoc />
    public string Name => "aer";

    /// <inheritdoc />
    public Task<SourceReport> ReadAsync(SystemContext context, CancellationToken cancellationToken)
    {
        var dir = context.HostPath(DevicesDirectory);
        var report = new SourceReport(Name, dir);
        var errors = new List<string>();
        var devices = new JsonObject();
        foreach (var (bdf, path) in Devices(context))
        {
            var d = new JsonObject();
            foreach (var (file, kind, totalName, severity) in s_files)
            {
                var full = Path.Combine(path, file);
                if (!File.Exists(full)) continue;
                var (types, total, label) = ParseStats(full, errors);
                d[kind] = types;
                if (total is not { } t) continue;
                d[totalName] = t;
                if (label is not null && label != totalName) report.Notes.Add(new HwErrNote(CheckStatus.Ok, $"{full}: total line labelled {label}, read as {totalName}"));
                report.Observations.Add(new Observation
                {
                    Key = $"aer/{bdf}/{totalName}", Severity = severity, Value = t, IsCounter = true, Device = bdf,
                    What = $"{bdf} {kind}", Evidence = [full],
                });
            }
            foreach (var (file, severity) in s_rootPort)
            {
                var full = Path.Combine(path, file);
                if (SysfsFile.Number(full, errors) is not { } n) continue;
                d[file] = n;
                report.Observations.Add(new Observation
                {
                    Key = $"aer/{bdf}/{file}", Severity = severity, Value = n, IsCounter = true, Device = bdf, InTotal = false,
                    What = $"{bdf} root port {file["aer_rootport_total_err_".Length..]}", Evidence = [full],
                });
            }
            devices[bdf] = d;
        }
        foreach (var e in errors) report.Unknown(e);
        report.Details = new JsonObject { ["device_count"] = devices.Count, ["devices"] = devices };
        return Task.FromResult(report);
    }

    /// <summary>PCI devices with AER statistics: the entries of /sys/bus/pci/devices (links, or copies that kept
    /// a link's target as text), else the device directories under /sys/devices/pci*.</summary>
    internal static IEnumerable<(string Bdf, string Path)> Devices(SystemContext context)
    {
        var bus = context.HostPath(DevicesDirectory);
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(bus))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(bus))
            {
                var path = entry;
                if (!Directory.Exists(path) && File.Exists(path) && new FileInfo(path).Length < 4096)
                {
                    var target = File.ReadAllText(path).Trim();
                    if (target.StartsWith("../", StringComparison.Ordinal)) path = Path.GetFullPath(Path.Combine(bus, target));
                }
                if (HasAer(path)) found[Path.GetFileName(entry)] = path;
            }
        }
        var devices = context.HostPath("/sys/devices");
        if (found.Count == 0 && Directory.Exists(devices))
        {
            foreach (var top in Directory.EnumerateDirectories(devices, "pci*"))
            {
                foreach (var d in Directory.EnumerateDirectories(top, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 8, AttributesToSkip = FileAttributes.ReparsePoint }))
                {
                    if (HasAer(d)) found.TryAdd(Path.GetFileName(d), d);
                }
            }
        }
        return found.Select(kv => (kv.Key, kv.Value));
    }

    private static bool HasAer(string path) => Directory.Exists(path) && s_files.Any(f => File.Exists(Path.Combine(path, f.File)));

    /// <summary>Parses "NAME COUNT" lines; the TOTAL_ERR_* line is the total (the sum of the types when it is missing).</summary>
    internal static (JsonObject Types, long? Total, string? TotalLabel) ParseStats(string path, List<string> errors)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: {e.Message}");
            return ([], null, null);
        }
        var types = new JsonObject();
        long? total = null;
        string? label = null;
        long sum = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Length == 0) continue;
            var space = line.LastIndexOf(' ');
            if (space <= 0 || !long.TryParse(line[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                errors.Add($"{path}:{i + 1}: '{line}' is not NAME COUNT");
                continue;
            }
            var name = line[..space].Trim();
            if (name.StartsWith("TOTAL_ERR_", StringComparison.Ordinal))
            {
                total = n;
                label = name;
            }
            else
            {
                types[name] = n;
                sum += n;
            }
        }
        return (types, total ?? (types.Count > 0 ? sum : null), label);
    }
}
