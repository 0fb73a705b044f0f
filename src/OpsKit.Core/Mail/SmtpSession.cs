// Line-level SMTP: send a command, read a (multi-line) reply, check its code.
using System.Globalization;
using System.Text;

namespace OpsKit.Core.Mail;

/// <summary>One SMTP conversation over a stream.</summary>
internal sealed class SmtpSession(Stream stream)
{
    private readonly StreamReader _reader = new(stream, new UTF8Encoding(false), false, 1024, leaveOpen: true);

    public async Task<IReadOnlyList<string>> CommandAsync(string line, int expected, CancellationToken ct, string? display = null)
    {
        await WriteRawAsync(line + "\r\n", ct).ConfigureAwait(false);
        return await ExpectAsync(expected, display ?? line, ct).ConfigureAwait(false);
    }

    public async Task WriteRawAsync(string text, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Reads one reply; returns the text of its lines without codes (EHLO features).</summary>
    public async Task<IReadOnlyList<string>> ExpectAsync(int expected, string what, CancellationToken ct)
    {
        var lines = new List<string>();
        int code;
        while (true)
        {
            var line = await _reader.ReadLineAsync(ct).ConfigureAwait(false)
                ?? throw new MailException($"SMTP server closed the connection after {what}");
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out code))
                throw new MailException($"SMTP server sent a malformed reply to {what}: {line}");
            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length < 4 || line[3] != '-') break;
        }
        if (code != expected)
            throw new MailException($"SMTP server refused {what}: {code} {string.Join(" ", lines)}");
        return lines;
    }
}
