// stdout and stderr for the whole run: write(2) on fds 1 and 2 (see StandardStreams), installed as
// Console.Out and Console.Error so that nothing (ours or a library's) initialises .NET's terminal support,
// which writes ESC[?1h ESC= (keypad transmit) to the terminal on a console stream's first write.
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
}
