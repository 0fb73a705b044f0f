// Opens the inputs of "iowait summary" (files, "-" for stdin, gzip detected by
// its magic bytes) and scans them. Large plain files are split at line
// boundaries and scanned on all cores, each part into its own aggregator.
using System.IO.Compression;
using OpsKit.Core;
using OpsKit.Core.Files;

namespace OpsKit.IoWait.Summary;

/// <summary>Scans kernel logs into one aggregator.</summary>
public static class LogScanner
{
    /// <summary>Plain files at least this large are scanned in parallel.</summary>
    public const long ParallelThreshold = 16L << 20;

    /// <summary>Scans the inputs ("-" is stdin) and returns the merged counts.</summary>
    public static SummaryAggregator Scan(IReadOnlyList<string> inputs, SummaryFilter filter, int year, Func<Stream> stdin, CancellationToken ct = default)
    {
        var total = new SummaryAggregator(filter, year);
        foreach (var input in inputs.Count == 0 ? ["-"] : inputs)
        {
            if (input == "-")
            {
                using var s = stdin();
                ScanStream(MaybeGzip(s), total, "standard input", ct);
                continue;
            }
            ScanFile(input, total, filter, year, ct);
        }
        return total;
    }

    private static string? Kind(string path)
    {
        if (path.Length == 0) return "empty file name";
        PathOwner? st;
        try { st = PathTrust.Stat(path); }
        catch (IOException e) { return IoErrors.Describe(e, path).Why; }
        if (st is not { } s) return "no such file or directory";
        if (s.IsDirectory) return "is a directory, not a file";
        if ((s.Mode & 0xF000) is 0x1000 or 0xC000) return $"is {s.KindName}; give it on stdin instead ('-' or no FILE)";
        return null;
    }

    private static void ScanFile(string path, SummaryAggregator total, SummaryFilter filter, int year, CancellationToken ct)
    {
        // Looked at before opening: a FIFO without a writer would block the open, a directory is not a log.
        // A character device (/dev/kmsg) is read as it is.
        if (Kind(path) is { } problem) throw new OpsKitException($"{path}: {problem}", ExitCodes.NoInput);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (IoErrors.IsIo(e))
        {
            throw IoErrors.Error(e, path, path);
        }
        using (file)
        {
            var magic = new byte[2];
            // A device (/dev/kmsg) cannot rewind: it is never gzip, read it as it comes.
            var got = file.CanSeek ? file.Read(magic, 0, 2) : 0;
            if (file.CanSeek) file.Position = 0;
            if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            {
                ScanStream(new GZipStream(file, CompressionMode.Decompress), total, path, ct);
            }
            else if (file.CanSeek && file.Length >= ParallelThreshold && Environment.ProcessorCount > 1)
            {
                ParallelScan.Run(file.SafeFileHandle, file.Length, total, filter, year, ct);
            }
            else
            {
                ScanStream(file, total, path, ct);
            }
        }
    }

    private static Stream MaybeGzip(Stream s)
    {
        // A pipe cannot seek: read the two magic bytes and put them back in front.
        var two = new byte[2];
        var n = s.ReadAtLeast(two, 2, throwOnEndOfStream: false);
        var rest = new PrefixStream(two.AsMemory(0, n), s);
        return n == 2 && two[0] == 0x1f && two[1] == 0x8b ? new GZipStream(rest, CompressionMode.Decompress) : rest;
    }

    private static void ScanStream(Stream s, SummaryAggregator into, string name, CancellationToken ct)
    {
        try
        {
            LineSplitter.Feed(s.Read, into, ct);
        }
        catch (InvalidDataException e)
        {
            throw OpsKitException.BadData($"{name}: not a valid gzip stream: {e.Message}");
        }
        catch (IOException e)
        {
            throw new OpsKitException($"{name}: {e.Message}", ExitCodes.IoError);
        }
    }
}
