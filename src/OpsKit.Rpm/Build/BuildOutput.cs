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

    /// <summary>"error:" lines printed inside a section script that rpm did not report as failed: the build's own output,
    /// unless rpmbuild still exits non-zero (then they are all the explanation there is).</summary>
    public List<string> ScriptErrors { get; } = [];

    /// <summary>The context before the first of <see cref="ScriptErrors"/>.</summary>
    public List<string> ScriptErrorContext { get; } = [];

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
        // rpm logs its errors to stderr; a section script's own output is not rpm's: on stdout everything after the first
        // "Executing(%...)", on stderr everything from a script's first "+ " trace line to its "+ exit 0" (zstd 1.5.4's
        // tests check that its CLI prints "error: numeric value overflows 32-bit unsigned int", and pass).
        var stdoutLines = stdout.Split('\n');
        var inScript = false;
        var soft = new List<string>();
        var softContext = new List<string>();
        var scriptStarted = false;
        foreach (var (raw, fromStdout) in stdoutLines.Select(l => (l, true)).Concat(stderr.Split('\n').Select(l => (l, false))))
        {
            var line = raw.TrimEnd('\r');
            if (fromStdout && line.StartsWith("Executing(", StringComparison.Ordinal)) scriptStarted = true;
            if (!fromStdout && line.StartsWith("+ ", StringComparison.Ordinal)) inScript = line != "+ exit 0";
            var scriptOutput = fromStdout ? scriptStarted : inScript;
            if (inUnpackaged)
            {
                if (line.StartsWith("   ", StringComparison.Ordinal) && line.Trim().StartsWith('/')) { o.Unpackaged.Add(line.Trim()); continue; }
                inUnpackaged = false;
            }
            var t = line.TrimStart();
            // rpm's own messages after %install's trace (which has no "+ exit 0") are never script output.
            if (t.StartsWith("error:", StringComparison.Ordinal) && scriptOutput && !t.StartsWith("error: Bad exit status from", StringComparison.Ordinal)
                && !t.StartsWith("error: Installed (but unpackaged) file(s) found", StringComparison.Ordinal) && !t.StartsWith("error: File not found", StringComparison.Ordinal))
            {
                // Kept aside: it explains a failure of its script (rpmuncompress's "error: File ...: No such file"), and
                // means nothing when the script succeeds or only upstream's tests failed.
                if (o.Errors.Count == 0 && soft.Count == 0) { softContext.AddRange(tail); softContext.AddRange(trace); }
                soft.Add(t[6..].Trim());
            }
            else if (t.StartsWith("error:", StringComparison.Ordinal))
            {
                var message = t[6..].Trim();
                // Only a failed section (not upstream's %check) makes them its explanation; rpm's check-files error after a
                // passing %check (the probe's "Installed (but unpackaged)") does not.
                if (soft.Count > 0 && message.StartsWith("Bad exit status from", StringComparison.Ordinal) && !message.EndsWith("(%check)", StringComparison.Ordinal))
                {
                    if (o.Errors.Count == 0) o.Context.AddRange(softContext);
                    o.Errors.AddRange(soft);
                }
                soft.Clear();
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
        o.ScriptErrors.AddRange(soft);
        o.ScriptErrorContext.AddRange(softContext);
        return o;
    }

    [GeneratedRegex(@"^Wrote:\s+(\S.*)$")]
    private static partial Regex Wrote();
}
