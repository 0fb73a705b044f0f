// Builds alert messages with MimeKit: UTF-8 text, encoded headers, and a body
// transfer encoding chosen for what the path to the server can carry.
using MimeKit;
using MimeKit.Text;

namespace OpsKit.Core.Mail;

/// <summary>Builds the MIME message of an alert.</summary>
public static class MailMessage
{
    /// <summary>SMTP's line limit in octets, without CRLF (RFC 5321 4.5.3.1.6).</summary>
    public const int MaxLineOctets = 998;

    /// <summary>Builds the message. <paramref name="eightBit"/>: the path carries 8-bit data (8BITMIME offered, or sendmail).</summary>
    /// <exception cref="MailException">An address that cannot be parsed.</exception>
    public static MimeMessage Build(string from, IReadOnlyList<string> to, string subject, string body, DateTimeOffset date, bool eightBit)
    {
        var message = new MimeMessage();
        message.From.Add(Address(from, "from"));
        foreach (var t in to) message.To.Add(Address(t, "to"));
        message.Subject = OneLine(subject);
        message.Date = date;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(HostName());
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Mailer", "opskit");
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var part = new TextPart(TextFormat.Plain);
        part.SetText(System.Text.Encoding.UTF8, text);
        part.ContentTransferEncoding = BodyEncoding(text, eightBit);
        message.Body = part;
        return message;
    }

    /// <summary>7bit when the text is ASCII in short lines; 8bit when the path carries it and lines fit; else quoted-printable,
    /// which keeps every line within <see cref="MaxLineOctets"/>.</summary>
    public static ContentEncoding BodyEncoding(string text, bool eightBit)
    {
        var longest = text.Split('\n').Max(l => System.Text.Encoding.UTF8.GetByteCount(l));
        if (longest > MaxLineOctets) return ContentEncoding.QuotedPrintable;
        if (text.All(char.IsAscii)) return ContentEncoding.SevenBit;
        return eightBit ? ContentEncoding.EightBit : ContentEncoding.QuotedPrintable;
    }

    /// <summary>The message as bytes with the given line ending (LF for sendmail, CRLF on the wire).</summary>
    public static byte[] ToBytes(MimeMessage message, NewLineFormat newLine)
    {
        using var stream = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = newLine;
        message.WriteTo(options, stream);
        return stream.ToArray();
    }

    /// <summary>The default sender: root@host.</summary>
    public static string DefaultFrom() => $"root@{HostName()}";

    /// <summary>A header value on one line: CR and LF become spaces, so a subject cannot add headers.</summary>
    public static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    private static MailboxAddress Address(string text, string key)
    {
        if (MailboxAddress.TryParse(OneLine(text), out var address)) return address;
        throw new MailException($"[mail] {key}: '{OneLine(text)}' is not a mail address");
    }

    private static string HostName() => System.Net.Dns.GetHostName();
}
