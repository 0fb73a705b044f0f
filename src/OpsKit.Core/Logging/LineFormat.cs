// The classic syslog time stamp and line shape, shared by the syslog and file sinks.
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OpsKit.Core.Logging;

/// <summary>Formats the "May 04 11:36:15 host ident(pid): message" shapes.</summary>
public static class LineFormat
{
    /// <summary>RFC 3164 TIMESTAMP: "Mmm dd hh:mm:ss" with the day space-padded.</summary>
    public static string Rfc3164Time(DateTimeOffset t) =>
        t.ToString("MMM", CultureInfo.InvariantCulture) + " " +
        t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2, ' ') + " " +
        t.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The file line of the old shell scripts' logs: "May 04 11:36:15 buserver3 sshval(13156): message".</summary>
    public static string FileLine(LogEntry e, LogIdentity id) =>
        $"{e.Time.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture)} {id.Host} {id.Ident}({id.Pid}): {OneLine(e)}";

    /// <summary>An RFC 3164 datagram: "&lt;PRI&gt;Mmm dd hh:mm:ss host ident[pid]: message".</summary>
    public static string SyslogDatagram(LogEntry e, LogIdentity id, int facility) =>
        $"<{facility * 8 + Severity(e.Level)}>{Rfc3164Time(e.Time)} {id.Host} {id.Ident}[{id.Pid}]: {OneLine(e)}";

    /// <summary>Syslog severity for a log level.</summary>
    public static int Severity(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };

    /// <summary>The message on one line: control characters (a hostile command line, say) are escaped.</summary>
    public static string OneLine(LogEntry e)
    {
        var text = e.Exception is null ? e.Message : $"{e.Message}: {e.Exception.Message}";
        if (!text.Any(char.IsControl)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '\n') sb.Append("\\n");
            else if (c == '\t') sb.Append("\\t");
            else if (char.IsControl(c)) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
