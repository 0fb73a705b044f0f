// Reads log input in the shapes the hook's lines end up in: OpsKit's own log file
// ("Dec 06 10:11:12 host sshval(123): msg"), a syslog file (traditional "Dec  6 10:11:12 host
// sshval[123]: msg" or RFC 3339 stamps), journalctl -o short/short-iso, -o json and -o export.
// A line that fits none is counted as bad with its line number; reading goes on.
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpsKit.SshGuard.Report;

/// <summary>One log entry: when, and the message after "ident[pid]: ".</summary>
/// <param name="Line">Line number (first line of the record in export input).</param>
/// <param name="Time">Time stamp.</param>
/// <param name="Message">Message text.</param>
public readonly record struct LogEntryText(int Line, DateTimeOffset Time, string Message);

/// <summary>A line that could not be read.</summary>
/// <param name="Line">Line number.</param>
/// <param name="Why">What is wrong.</param>
public readonly record struct BadLine(int Line, string Why);

/// <summary>Reads entries out of log text.</summary>
public static class LogReader
{
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Every entry and bad line of one input. <paramref name="now"/> gives the year of stamps that carry none
    /// (the latest year that does not put the entry more than a day after now); they are read in <paramref name="zone"/>.</summary>
    public static (List<LogEntryText> Entries, List<BadLine> Bad, int Lines) Read(TextReader input, DateTimeOffset now, TimeZoneInfo zone)
    {
        var entries = new List<LogEntryText>();
        var bad = new List<BadLine>();
        var lineNo = 0;
        string? first = null;
        var pending = new List<string>();
        // Sniff the shape from the first non-blank line.
        while (first is null && input.ReadLine() is { } l)
        {
            lineNo++;
            if (l.Trim().Length > 0) first = l;
        }
        if (first is null) return (entries, bad, lineNo);
        if (first.StartsWith("__CURSOR=", StringComparison.Ordinal) || first.StartsWith("__REALTIME_TIMESTAMP=", StringComparison.Ordinal))
        {
            ReadExport(input, first, lineNo, entries, bad, out lineNo);
            return (entries, bad, lineNo);
        }
        var json = first.TrimStart().StartsWith('{');
        var line = first;
        while (line is not null)
        {
            if (line.Trim().Length > 0)
            {
                var (entry, why) = json ? FromJson(line) : FromLine(line, now, zone);
                if (entry is { } e) entries.Add(e with { Line = lineNo });
                else bad.Add(new BadLine(lineNo, why!));
            }
            line = input.ReadLine();
            if (line is not null) lineNo++;
        }
        return (entries, bad, lineNo);
    }

    /// <summary>A syslog-style line: stamp, host, "ident[pid]:" or "ident(pid):" or "ident:", message.</summary>
    public static (LogEntryText? Entry, string? Why) FromLine(string line, DateTimeOffset now, TimeZoneInfo zone)
    {
        var rest = line;
        DateTimeOffset time;
        if (rest.Length > 0 && char.IsAsciiDigit(rest[0]))
        {
            var sp = rest.IndexOf(' ', StringComparison.Ordinal);
            if (sp < 0 || !DateTimeOffset.TryParse(rest[..sp], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time)
                && !TryIsoWithoutColon(rest[..sp], out time))
                return (null, "time stamp not understood");
            rest = rest[(sp + 1)..];
        }
        else
        {
            var m = rest.Length < 16 ? -1 : Array.IndexOf(s_months, rest[..3]);
            if (m < 0) return (null, "no time stamp at the start");
            var day = rest.Substring(4, 2).Trim();
            if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 31
                || !TimeOnly.TryParseExact(rest.Substring(7, 8), "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
                || rest[15] != ' ')
                return (null, "time stamp not understood");
            time = WithYear(m + 1, d, clock, now, zone) ?? DateTimeOffset.MinValue;
            if (time == DateTimeOffset.MinValue) return (null, "time stamp is not a date");
            rest = rest[16..];
        }
        var hostEnd = rest.IndexOf(' ', StringComparison.Ordinal);
        if (hostEnd <= 0) return (null, "no host name after the time stamp");
        rest = rest[(hostEnd + 1)..];
        var tagEnd = rest.IndexOf(": ", StringComparison.Ordinal);
        if (tagEnd <= 0 || rest[..tagEnd].Contains(' ', StringComparison.Ordinal)) return (null, "no 'ident[pid]: ' before the message");
        return (new LogEntryText(0, time, rest[(tagEnd + 2)..]), null);
    }

    /// <summary>journalctl -o short-iso writes "+0000" without a colon.</summary>
    private static bool TryIsoWithoutColon(string s, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(s, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
        || (s.Length > 5 && (s[^5] is '+' or '-') && DateTimeOffset.TryParse(s[..^2] + ":" + s[^2..], CultureInfo.InvariantCulture, DateTimeStyles.None, out time));

    private static DateTimeOffset? WithYear(int month, int day, TimeOnly clock, DateTimeOffset now, TimeZoneInfo zone)
    {
        for (var year = now.Year + 1; year >= now.Year - 1; year--)
        {
            if (day > DateTime.DaysInMonth(year, month)) continue;
            var local = new DateTime(year, month, day, clock.Hour, clock.Minute, clock.Second, DateTimeKind.Unspecified);
            var t = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (t <= now.AddDays(1)) return t;
        }
        return null;
    }

    /// <summary>journalctl -o json: one object per line with MESSAGE and __REALTIME_TIMESTAMP (microseconds).</summary>
    public static (LogEntryText? Entry, string? Why) FromJson(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            if (o.ValueKind != JsonValueKind.Object) return (null, "not a JSON object");
            if (!o.TryGetProperty("MESSAGE", out var msg)) return (null, "no MESSAGE field");
            string? text = msg.ValueKind switch
            {
                JsonValueKind.String => msg.GetString(),
                // Messages that are not valid UTF-8 come as an array of byte values.
                JsonValueKind.Array => Encoding.UTF8.GetString(msg.EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray()),
                _ => null,
            };
            if (text is null) return (null, "MESSAGE is not text");
            if (!o.TryGetProperty("__REALTIME_TIMESTAMP", out var ts) || ts.ValueKind != JsonValueKind.String
                || !long.TryParse(ts.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var us))
                return (null, "no __REALTIME_TIMESTAMP");
            return (new LogEntryText(0, DateTimeOffset.FromUnixTimeMilliseconds(us / 1000), text), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, $"bad JSON: {e.Message}");
        }
    }

    /// <summary>journalctl -o export: KEY=value lines, a blank line between entries. Binary fields (KEY, newline,
    /// 64-bit length, data) only appear for values with control characters; they are read as text lines here,
    /// so such an entry may count as bad rather than stop the reading.</summary>
    private static void ReadExport(TextReader input, string first, int firstLine, List<LogEntryText> entries, List<BadLine> bad, out int lineNo)
    {
        lineNo = firstLine;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = firstLine;
        void Flush()
        {
            if (fields.Count == 0) return;
            if (!fields.TryGetValue("MESSAGE", out var msg)) bad.Add(new BadLine(start, "entry without MESSAGE"));
            else if (!fields.TryGetValue("__REALTIME_TIMESTAMP", out var ts) || !long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var us))
                bad.Add(new BadLine(start, "entry without __REALTIME_TIMESTAMP"));
            else entries.Add(new LogEntryText(start, DateTimeOffset.FromUnixTimeMilliseconds(us / 1000), msg));
            fields.Clear();
        }
        var line = first;
        while (line is not null)
        {
            if (line.Length == 0)
            {
                Flush();
            }
            else
            {
                if (fields.Count == 0) start = lineNo;
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0) fields[line[..eq]] = line[(eq + 1)..];
                else fields[line] = ""; // a binary field's name; its data follows on the next line(s)
            }
            line = input.ReadLine();
            if (line is not null) lineNo++;
        }
        Flush();
    }
}
