// Opens the inputs of "iowait summary" (files, "-" for stdin, gzip detected by
// its magic bytes) and scans them. Large plain files are split at line
// boundaries and scanned on all cores, each part into its own aggregator.
using System.IO.Compression;
using OpsKit.Core;

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

    private static void ScanFile(string path, SummaryAggregator total, SummaryFilter filter, int year, CancellationToken ct)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpsKitException($"{path}: {e.Message}", e is UnauthorizedAccessException ? ExitCodes.NoPermission : ExitCodes.IoError);
        }
        using (file)
        {
            var magic = new byte[2];
            var got = file.Read(magic, 0, 2);
            file.Position = 0;
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
