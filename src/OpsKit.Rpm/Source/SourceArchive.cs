// Opens a source: a directory as it is, or an archive unpacked into a scratch
// directory. gzip and plain tar are read in-process (System.Formats.Tar); zip
// with System.IO.Compression; bzip2 and xz through tar(1), which .NET cannot decompress.
using System.Formats.Tar;
using System.IO.Compression;
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Rpm.Source;

/// <summary>Unpacks source archives.</summary>
public static class SourceArchive
{
    /// <summary>The archive suffixes understood, longest first.</summary>
    public static IReadOnlyList<string> Suffixes { get; } = [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tbz2", ".txz", ".tar", ".zip"];

    /// <summary>The archive suffix of a file name, or null.</summary>
    public static string? SuffixOf(string fileName) =>
        Suffixes.FirstOrDefault(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens a directory or unpacks an archive. Errors name the file and say why (exit 65/66-like data errors).</summary>
    public static async Task<SourceTree> OpenAsync(SystemContext context, string path, CancellationToken ct = default)
    {
        if (Directory.Exists(path))
        {
            var full = Path.GetFullPath(path);
            return new SourceTree(full, null, Path.GetFileName(Path.TrimEndingDirectorySeparator(full)), null);
        }
        if (!File.Exists(path)) throw new OpsKitException($"{path}: no such file or directory", ExitCodes.NoInput);
        var suffix = SuffixOf(path);
        var kind = Sniff(path);
        if (suffix is null && kind == ArchiveKind.Unknown)
            throw OpsKitException.BadData($"{path}: not a source archive (expected .tar.gz, .tgz, .tar.bz2, .tar.xz, .tar or .zip) or a directory");
        if (kind == ArchiveKind.Unknown)
            throw OpsKitException.BadData($"{path}: unreadable archive: the content is not {suffix} data");

        var scratch = Directory.CreateTempSubdirectory("opskit-rpm-src-").FullName;
        try
        {
            await ExtractAsync(context, path, kind, scratch, ct).ConfigureAwait(false);
            var entries = Directory.EnumerateFileSystemEntries(scratch).ToList();
            if (entries.Count == 0) throw OpsKitException.BadData($"{path}: the archive is empty");
            var full = Path.GetFullPath(path);
            if (entries.Count == 1 && Directory.Exists(entries[0]))
                return new SourceTree(entries[0], full, Path.GetFileName(entries[0]), scratch);
            return new SourceTree(scratch, full, null, scratch);
        }
        catch
        {
            Directory.Delete(scratch, recursive: true);
            throw;
        }
    }

    private enum ArchiveKind { Unknown, Gzip, Bzip2, Xz, Zip, Tar }

    private static ArchiveKind Sniff(string path)
    {
        Span<byte> head = stackalloc byte[262];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var b = head[..n];
        if (b.Length >= 2 && b[0] == 0x1f && b[1] == 0x8b) return ArchiveKind.Gzip;
        if (b.Length >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') return ArchiveKind.Bzip2;
        if (b.Length >= 6 && b[..6].SequenceEqual(new byte[] { 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00 })) return ArchiveKind.Xz;
        if (b.Length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) return ArchiveKind.Zip;
        if (b.Length >= 262 && b.Slice(257, 5).SequenceEqual("ustar"u8)) return ArchiveKind.Tar;
        return ArchiveKind.Unknown;
    }

    private static async Task ExtractAsync(SystemContext context, string path, ArchiveKind kind, string dest, CancellationToken ct)
    {
        try
        {
            switch (kind)
            {
                case ArchiveKind.Gzip:
                    // The synchronous API: async file IO per small file costs more than it saves here.
                    using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                    using (var gz = new GZipStream(new BufferedStream(file, 1 << 16), CompressionMode.Decompress))
                        TarFile.ExtractToDirectory(gz, dest, overwriteFiles: false);
                    break;
                case ArchiveKind.Tar:
                    TarFile.ExtractToDirectory(path, dest, overwriteFiles: false);
                    break;
                case ArchiveKind.Zip:
                    ZipFile.ExtractToDirectory(path, dest, overwriteFiles: false);
                    break;
                default:
                    var r = await context.Runner.RunAsync(new CommandSpec("tar", "-x", "--no-same-owner", "-f", Path.GetFullPath(path), "-C", dest)
                    { Timeout = TimeSpan.FromMinutes(10) }, ct).ConfigureAwait(false);
                    if (r.StartError is not null) throw OpsKitException.Unavailable($"{path}: cannot run tar to unpack it: {r.StartError}");
                    if (!r.Succeeded) throw OpsKitException.BadData($"{path}: unreadable archive: {FirstLine(r.StandardError)}");
                    break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or EndOfStreamException or ArgumentException)
        {
            throw OpsKitException.BadData($"{path}: unreadable archive: {e.Message}");
        }
    }

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "tar failed";
}
