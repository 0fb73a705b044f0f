// Optional log file in the form the old shell scripts wrote: "May 04 11:36:15 buserver3 sshval(13156): message".
using Microsoft.Extensions.Logging;

namespace OpsKit.Core.Logging;

/// <summary>Appends log lines to a file; each line is written with one append so concurrent runs interleave whole lines.</summary>
public sealed class FileSink : ILogSink
{
    private readonly string _path;
    private readonly LogIdentity _identity;
    private readonly Lock _gate = new();

    /// <summary>Opens (creates) the file; throws IOException or UnauthorizedAccessException when it cannot.</summary>
    public FileSink(string path, LogIdentity identity, LogLevel minimumLevel)
    {
        _path = path;
        _identity = identity;
        MinimumLevel = minimumLevel;
        using var probe = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <inheritdoc />
    public LogLevel MinimumLevel { get; }

    /// <inheritdoc />
    public void Write(LogEntry entry)
    {
        var line = LineFormat.FileLine(entry, _identity) + "\n";
        lock (_gate)
        {
            try
            {
                // O_APPEND per line: several opskit processes may share the file.
                using var fs = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                var bytes = System.Text.Encoding.UTF8.GetBytes(line);
                fs.Write(bytes);
            }
            catch (IOException)
            {
                // A full disk must not turn a log line into a crash of the tool.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() { }
}
