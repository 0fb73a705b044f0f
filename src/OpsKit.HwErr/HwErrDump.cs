// "hwerr dump DIR": a bundle another machine can check with "hwerr check --replay DIR":
// the EDAC and AER sysfs files under DIR/sys (same paths), the kernel log lines that carry
// evidence in DIR/kernel.log, and each configured tool's output in DIR/KIND.txt.
using OpsKit.Core;
using OpsKit.HwErr.Model;
using OpsKit.HwErr.Sources;

namespace OpsKit.HwErr;

/// <summary>Writes support bundles.</summary>
public static class HwErrDump
{
    /// <summary>The kernel log excerpt in a bundle.</summary>
    public const string LogFile = "kernel.log";

    private static readonly HashSet<string> s_edacFiles =
        ["ce_count", "ue_count", "ce_noinfo_count", "ue_noinfo_count", "mc_name", "size_mb", "seconds_since_reset", "size"];

    /// <summary>Saves the bundle; returns the files written (relative to <paramref name="dir"/>).</summary>
    public static async Task<List<string>> WriteAsync(SystemContext context, HwErrSettings settings, string dir, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        Directory.CreateDirectory(dir);
        var edac = context.HostPath(EdacSysfsSource.McDirectory);
        if (Directory.Exists(edac))
        {
            foreach (var file in Directory.EnumerateFiles(edac, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2, AttributesToSkip = FileAttributes.ReparsePoint }))
            {
                var name = Path.GetFileName(file);
                if (!s_edacFiles.Contains(name) && !name.StartsWith("dimm_", StringComparison.Ordinal) && !(name.StartsWith("ch", StringComparison.Ordinal) && name.Contains('_', StringComparison.Ordinal))) continue;
                Copy(file, Path.Combine(dir, "sys/devices/system/edac/mc", Path.GetRelativePath(edac, file)), written, dir);
            }
        }
        var pci = context.HostPath(AerSysfsSource.DevicesDirectory);
        if (Directory.Exists(pci))
        {
            foreach (var device in Directory.EnumerateFileSystemEntries(pci).Where(Directory.Exists))
            {
                foreach (var file in Directory.EnumerateFiles(device, "aer_*"))
                    Copy(file, Path.Combine(dir, "sys/bus/pci/devices", Path.GetFileName(device), Path.GetFileName(file)), written, dir);
            }
        }
        IReadOnlyList<string> lines = [];
        // A saved root without dev/kmsg has no kernel log to take.
        var kernelLog = settings.KernelLog == "kmsg" && context.RootPath != "/" && !File.Exists(context.HostPath(KmsgSource.Device)) ? "none" : settings.KernelLog;
        switch (kernelLog)
        {
            case "kmsg":
                var kmsg = new KmsgSource(-1);
                var r = await kmsg.ReadAsync(context, cancellationToken).ConfigureAwait(false);
                ThrowIfUnread(r);
                lines = kmsg.Claimed;
                break;
            case "journal":
                var cursor = Path.Combine(dir, ".journal-cursor");
                var journal = new JournalSource(cursor, settings.Timeout);
                var j = await journal.ReadAsync(context, cancellationToken).ConfigureAwait(false);
                File.Delete(cursor);
                ThrowIfUnread(j);
                lines = journal.Claimed;
                break;
        }
        if (kernelLog != "none")
        {
            await File.WriteAllLinesAsync(Path.Combine(dir, LogFile), lines, cancellationToken).ConfigureAwait(false);
            written.Add(LogFile);
        }
        foreach (var kind in settings.Tools)
        {
            var tool = new ToolSource(kind, null, settings.Timeout);
            var result = await tool.ReadAsync(context, cancellationToken).ConfigureAwait(false);
            if (tool.Output is null) throw OpsKitException.Unavailable(result.Notes.FirstOrDefault()?.Message ?? $"{kind}: no output");
            await File.WriteAllTextAsync(Path.Combine(dir, kind + ".txt"), tool.Output, cancellationToken).ConfigureAwait(false);
            written.Add(kind + ".txt");
        }
        return written;
    }

    private static void ThrowIfUnread(SourceReport r)
    {
        if (r.Notes.FirstOrDefault(n => n.Status == CheckStatus.Unknown) is { } n) throw OpsKitException.Unavailable(n.Message);
    }

    private static void Copy(string from, string to, List<string> written, string dir)
    {
        try
        {
            var bytes = File.ReadAllBytes(from);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.WriteAllBytes(to, bytes);
            written.Add(Path.GetRelativePath(dir, to));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpsKitException($"{from}: {e.Message}", ExitCodes.IoError, e);
        }
    }
}
