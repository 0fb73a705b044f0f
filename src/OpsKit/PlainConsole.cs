// stdout and stderr for the whole run: write(2) on fds 1 and 2 (see StandardStreams), installed as
// Console.Out and Console.Error so that nothing (ours or a library's) initialises .NET's terminal support,
// which writes ESC[?1h ESC= (keypad transmit) to the terminal on a console stream's first write.
using System.Runtime.InteropServices;
using OpsKit.Core.Output;

namespace OpsKit;

/// <summary>Installs Console.Out and Console.Error that never touch the terminal's modes.</summary>
public static class PlainConsole
{
    /// <summary>Replaces Console.Out and Console.Error (call first thing in Main).</summary>
    public static void Install()
    {
        Console.SetOut(StandardStreams.Writer(StandardStreams.Output()));
        Console.SetError(StandardStreams.Writer(StandardStreams.Error()));
    }

    /// <summary>The width --help wraps at: the terminal's columns (TIOCGWINSZ, which Console.WindowWidth would
    /// read only after initialising the terminal), 80 when unknown, unlimited when stdout is not a terminal.</summary>
    public static int HelpWidth()
    {
        if (Console.IsOutputRedirected) return int.MaxValue;
        var size = new WinSize();
        return GetWinSize(1, TIOCGWINSZ, ref size) == 0 && size.Columns > 0 ? size.Columns : 80;
    }

    private const nuint TIOCGWINSZ = 0x5413;

    [StructLayout(LayoutKind.Sequential)]
    private struct WinSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    [DllImport("libc.so.6", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int GetWinSize(int fd, nuint request, ref WinSize size);
}
