// RFC 3164 datagrams to a local syslog socket (/dev/log by default).
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OpsKit.Core.Logging;

/// <summary>Sends each entry as one datagram to a Unix datagram socket.</summary>
public sealed class SyslogSink : ILogSink
{
    private readonly Socket _socket;
    private readonly LogIdentity _identity;
    private readonly int _facility;
    private readonly Lock _gate = new();

    /// <summary>Connects to the socket; throws SocketException when nobody listens there.</summary>
    public SyslogSink(string socketPath, LogIdentity identity, int facility, LogLevel minimumLevel)
    {
        _identity = identity;
        _facility = facility;
        MinimumLevel = minimumLevel;
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            _socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public LogLevel MinimumLevel { get; }

    /// <inheritdoc />
    public void Write(LogEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(LineFormat.SyslogDatagram(entry, _identity, _facility));
        lock (_gate)
        {
            try
            {
                _socket.Send(bytes);
            }
            catch (SocketException)
            {
                // syslogd restarted or its queue is full: losing a line beats blocking the tool.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
