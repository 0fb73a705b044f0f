// A command line a backend declares: its arguments, the file it is saved under in a
// support bundle, and "{c}" where a controller number (or md device) goes.
namespace OpsKit.Raid.Tools;

/// <summary>One declared command line (or host file) of a backend.</summary>
/// <param name="File">Bundle file name, e.g. "pdlist.txt" or "c{c}_unitstatus.txt".</param>
/// <param name="Arguments">Arguments passed to the backend's program.</param>
public sealed record ToolCommand(string File, IReadOnlyList<string> Arguments)
{
    /// <summary>Another program than the backend's own (e.g. mdadm for mdstat); null: the backend's.</summary>
    public string? Program { get; init; }

    /// <summary>When set, the "command" reads this host file (e.g. /proc/mdstat) instead of running anything.</summary>
    public string? HostFile { get; init; }

    /// <summary>True when the command needs a controller number or device filled in.</summary>
    public bool IsTemplate => File.Contains("{c}", StringComparison.Ordinal);

    /// <summary>Fills in the controller number or device name.</summary>
    public ToolCommand For(string c) => this with
    {
        File = File.Replace("{c}", c, StringComparison.Ordinal),
        Arguments = Arguments.Select(a => a.Replace("{c}", c, StringComparison.Ordinal)).ToList(),
        HostFile = HostFile?.Replace("{c}", c, StringComparison.Ordinal),
    };

    /// <summary>Fills in a controller number and an enclosure or second index ("{e}").</summary>
    public ToolCommand For(string c, string e)
    {
        var t = this with
        {
            File = File.Replace("{e}", e, StringComparison.Ordinal),
            Arguments = Arguments.Select(a => a.Replace("{e}", e, StringComparison.Ordinal)).ToList(),
        };
        return t.For(c);
    }

    /// <summary>Creates a command from arguments.</summary>
    public static ToolCommand Of(string file, params string[] arguments) => new(file, arguments);

    /// <summary>A host file read instead of a program run.</summary>
    public static ToolCommand HostRead(string file, string hostPath) => new(file, []) { HostFile = hostPath };
}
