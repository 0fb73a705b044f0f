// Reads rpmbuild's output. Its exit status can be 0 while it printed errors
// (research 8.4), so success is decided from the text: "error:" lines and
// "Possible unexpanded macro" warnings fail the build.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Build;

/// <summary>What an rpmbuild run printed.</summary>
public sealed partial record BuildOutput
{
    /// <summary>"error:" lines, without the prefix.</summary>
    public List<string> Errors { get; } = [];
    /// <summary>"warning:" lines, without the prefix.</summary>
    public List<string> Warnings { get; } = [];
    /// <summary>Packages written ("Wrote: PATH").</summary>
    public List<string> Written { get; } = [];
    /// <summary>The "Installed (but unpackaged) file(s) found" list.</summary>
    public List<string> Unpackaged { get; } = [];
    /// <summary>The last lines of output before the first error, for context.</summary>
    public List<string> Context { get; } = [];

    /// <summary>True when nothing failed.</summary>
    public bool Ok => Errors.Count == 0;

    /// <summary>Parses stdout and stderr. rpmbuild's shell trace ("+ cmd") and its "error:" lines go to stderr, the
    /// tools' own messages (meson's "ERROR: Program 'nasm' not found") mostly to stdout, so stdout is read first and
    /// the context keeps the last trace lines apart from the last messages: the failing command and why it failed.</summary>
    public static BuildOutput Parse(string stdout, string stderr)
    {
        var o = new BuildOutput();
        var tail = new Queue<string>();
        var trace = new Queue<string>();
        var inUnpackaged = false;
        foreach (var raw in (stdout + "\n" + stderr).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (inUnpackaged)
            {
                if (line.StartsWith("   ", StringComparison.Ordinal) && line.Trim().StartsWith('/')) { o.Unpackaged.Add(line.Trim()); continue; }
                inUnpackaged = false;
            }
            var t = line.TrimStart();
            if (t.StartsWith("error:", StringComparison.Ordinal))
            {
                var message = t[6..].Trim();
                if (message.StartsWith("Installed (but unpackaged) file(s) found", StringComparison.Ordinal)) inUnpackaged = true;
                if (o.Errors.Count == 0) { o.Context.AddRange(tail); o.Context.AddRange(trace); }
                o.Errors.Add(message);
            }
            else if (t.StartsWith("warning:", StringComparison.Ordinal))
            {
                var message = t[8..].Trim();
                if (message.Contains("Possible unexpanded macro", StringComparison.Ordinal)) o.Errors.Add(message);
                else o.Warnings.Add(message);
            }
            else if (Wrote().Match(t) is { Success: true } m) o.Written.Add(m.Groups[1].Value.Trim());
            else if (t.StartsWith("Bad file:", StringComparison.Ordinal) || t.StartsWith("Bad source:", StringComparison.Ordinal)) o.Errors.Add(t);
            if (t.Length > 0)
            {
                var q = t.StartsWith("+ ", StringComparison.Ordinal) ? trace : tail;
                q.Enqueue(line);
                if (q.Count > (q == trace ? 3 : 12)) q.Dequeue();
            }
        }
        return o;
    }

    [GeneratedRegex(@"^Wrote:\s+(\S.*)$")]
    private static partial Regex Wrote();
}
