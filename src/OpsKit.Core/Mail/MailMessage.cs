// Renders an RFC 5322 message with MIME headers for UTF-8 text.
using System.Globalization;
using System.Text;

namespace OpsKit.Core.Mail;

/// <summary>Builds the text of a mail message.</summary>
public static class MailMessage
{
    /// <summary>Renders headers and body with the given line ending ("\n" for sendmail, "\r\n" for SMTP).</summary>
    public static string Render(string from, IReadOnlyList<string> to, string subject, string body, DateTimeOffset date, string newline)
    {
        var sb = new StringBuilder();
        void Header(string name, string value) => sb.Append(name).Append(": ").Append(value).Append(newline);
        Header("From", from);
        Header("To", string.Join(", ", to));
        Header("Subject", EncodeHeader(subject));
        Header("Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal));
        Header("Message-ID", $"<{Guid.NewGuid():N}@{HostName()}>");
        Header("MIME-Version", "1.0");
        Header("Content-Type", "text/plain; charset=utf-8");
        Header("Content-Transfer-Encoding", "8bit");
        Header("Auto-Submitted", "auto-generated");
        Header("X-Mailer", "opskit");
        sb.Append(newline);
        foreach (var line in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            sb.Append(line).Append(newline);
        return sb.ToString();
    }

    /// <summary>The default sender: root@host.</summary>
    public static string DefaultFrom() => $"root@{HostName()}";

    /// <summary>RFC 2047 encoded-word when the text is not plain ASCII; header injection (newlines) removed.</summary>
    public static string EncodeHeader(string text)
    {
        text = text.Replace('\r', ' ').Replace('\n', ' ');
        if (text.All(c => c is >= ' ' and <= '~')) return text;
        return "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
    }

    private static string HostName() => System.Net.Dns.GetHostName();
}
