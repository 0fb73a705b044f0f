// stdout and stderr as write(2) on file descriptors 1 and 2. .NET's console streams initialise its terminal
// support on their first write when stdin is a terminal, and that writes terminfo's keypad_xmit (ESC[?1h ESC=)
// to the terminal and never undoes it. A FileStream on fd 1 would not, but it pwrite()s at its own offset, so
// "opskit ... >log 2>&1" would write stdout and stderr over each other. write(2) does neither.
using System.Runtime.InteropServices;
using System.Text;

namespace OpsKit.Core.Output;

/// <summary>Unbuffered streams and writers on the standard file descriptors that never touch the terminal's modes.</summary>
public static class StandardStreams
{
    /// <summary>A write-only stream on stdout.</summary>
    public static Stream Output() => new FdStream(1);

    /// <summary>A write-only stream on stderr.</summary>
    public static Stream Error() => new FdStream(2);

    /// <summary>A UTF-8 writer (no BOM) on a stream, flushed after every write like Console.Out.</summary>
    public static TextWriter Writer(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 4096) { AutoFlush = true });

    private sealed class FdStream(int fd) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var rest = buffer[done..];
                var n = WriteRaw(fd, ref MemoryMarshal.GetReference(rest), rest.Length);
                if (n >= 0)
                {
                    done += (int)n;
                    continue;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno == 4) continue; // EINTR
                // The errno as HResult, as .NET's own IOExceptions on Unix do (EPIPE = 32: the reader left).
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }
        }
    }

    [DllImport("libc.so.6", EntryPoint = "write", SetLastError = true)]
    private static extern nint WriteRaw(int fd, ref byte buffer, nint count);
}
