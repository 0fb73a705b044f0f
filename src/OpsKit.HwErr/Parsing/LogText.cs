// Turns a saved kernel log into messages: plain text (dmesg, dmesg -T/-H, syslog, journal
// short output), raw /dev/kmsg records ("6,1234,5678,-;text"), or journalctl's export format
// (MESSAGE= fields, including the binary length-prefixed form).
using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace OpsKit.HwErr.Parsing;

/// <summary>Splits log bytes into (line number, message).</summary>
public static partial class LogText
{
    [GeneratedRegex(@"^\d+,\d+,\d+,[^;]*;")]
    private static partial Regex KmsgPrefix();

    /// <summary>The messages of a saved log with the line each starts on.</summary>
    public static IEnumerable<(int Line, string Text)> Messages(byte[] data)
    {
        if (IsJournalExport(data)) return JournalExport(data);
        return Plain(Encoding.UTF8.GetString(data));
    }

    private static bool IsJournalExport(byte[] data)
    {
        var head = Encoding.UTF8.GetString(data, 0, Math.Min(data.Length, 4096));
        return head.StartsWith("__CURSOR=", StringComparison.Ordinal) || head.StartsWith("__REALTIME_TIMESTAMP=", StringComparison.Ordinal)
            || head.Contains("\n__CURSOR=", StringComparison.Ordinal);
    }

    private static IEnumerable<(int, string)> Plain(string text)
    {
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var inRecord = false;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            // /dev/kmsg records: strip "PRI,SEQ,USEC,FLAGS;"; their " KEY=value" continuation lines are no messages.
            var m = KmsgPrefix().Match(line);
            if (m.Success)
            {
                inRecord = true;
                line = line[m.Length..];
            }
            else if (inRecord && line.StartsWith(' ') && line.Contains('=', StringComparison.Ordinal)) continue;
            else inRecord = false;
            yield return (i + 1, line);
        }
    }

    private static IEnumerable<(int, string)> JournalExport(byte[] data)
    {
        var pos = 0;
        var line = 1;
        var recordLine = 1;
        string? message = null;
        var kernel = true;
        var results = new List<(int, string)>();
        while (pos < data.Length)
        {
            var nl = Array.IndexOf(data, (byte)'\n', pos);
            if (nl < 0) nl = data.Length;
            if (nl == pos)
            {
                if (message is not null && kernel) results.Add((recordLine, message));
                message = null;
                kernel = true;
                pos = nl + 1;
                line++;
                recordLine = line;
                continue;
            }
            var field = Encoding.UTF8.GetString(data, pos, nl - pos);
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 && nl + 8 <= data.Length)
            {
                // Binary field: NAME\n, little-endian 64-bit size, the bytes, \n.
                var size = (int)BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(nl + 1, 8));
                var start = nl + 9;
                var value = Encoding.UTF8.GetString(data, start, Math.Min(size, data.Length - start));
                if (field == "MESSAGE") message = value;
                line += value.Count(c => c == '\n') + 1;
                pos = Math.Min(data.Length, start + size + 1);
                line++;
                continue;
            }
            if (eq > 0)
            {
                var name = field[..eq];
                if (name == "MESSAGE") message = field[(eq + 1)..];
                else if (name == "_TRANSPORT") kernel = field[(eq + 1)..] == "kernel";
            }
            pos = nl + 1;
            line++;
        }
        if (message is not null && kernel) results.Add((recordLine, message));
        return results;
    }
}
