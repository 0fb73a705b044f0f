// Reads /dev/kmsg without blocking: every read(2) returns one record "PRI,SEQ,USEC,FLAGS;text";
// EAGAIN means the end, EPIPE that older records were overwritten (reading goes on). A regular
// file in a test root reads the same way up to its end.
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace OpsKit.HwErr.Parsing;

/// <summary>One kernel log record.</summary>
/// <param name="Sequence">The kernel's sequence number.</param>
/// <param name="Facility">Syslog facility (0 = kernel).</param>
/// <param name="Text">The message.</param>
public sealed record KmsgRecord(long Sequence, int Facility, string Text);

/// <summary>Reads kernel log records.</summary>
public static partial class KmsgReader
{
    private const int ORdOnly = 0, ONonBlock = 0x800, OCloExec = 0x80000;
    private const int EAgain = 11, EPipe = 32, EIntr = 4;

    [LibraryImport("libc.so.6", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc.so.6", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Every record in the buffer with a sequence number above <paramref name="after"/>.</summary>
    /// <exception cref="IOException">The device cannot be opened or read (the message names it).</exception>
    public static unsafe List<KmsgRecord> ReadAfter(string path, long after)
    {
        if (!File.Exists(path)) throw new IOException($"{path}: no such file");
        var fd = Open(path, ORdOnly | ONonBlock | OCloExec);
        if (fd < 0) throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        var records = new List<KmsgRecord>();
        var buffer = new byte[16384];
        var pending = new StringBuilder();
        try
        {
            while (true)
            {
                nint n;
                fixed (byte* p = buffer) n = Read(fd, p, buffer.Length);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno is EPipe or EIntr) continue;
                    if (errno == EAgain) break;
                    throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
                }
                if (n == 0) break;
                pending.Append(Encoding.UTF8.GetString(buffer, 0, (int)n));
            }
        }
        finally
        {
            Close(fd);
        }
        foreach (var line in pending.ToString().Split('\n'))
        {
            if (Parse(line) is { } r && r.Sequence > after) records.Add(r);
        }
        return records;
    }

    /// <summary>Parses one record line; null for continuation lines and junk.</summary>
    public static KmsgRecord? Parse(string line)
    {
        var semi = line.IndexOf(';', StringComparison.Ordinal);
        if (semi <= 0 || line.StartsWith(' ')) return null;
        var head = line[..semi].Split(',');
        if (head.Length < 3
            || !int.TryParse(head[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pri)
            || !long.TryParse(head[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)) return null;
        return new KmsgRecord(seq, pri >> 3, line[(semi + 1)..]);
    }
}
