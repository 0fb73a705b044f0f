// Kernel-log sources: a saved file (or stdin), the live /dev/kmsg from a sequence number,
// or journalctl -k from a cursor. All feed the same parser.
using System.Globalization;
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.HwErr.Model;
using OpsKit.HwErr.Parsing;

namespace OpsKit.HwErr.Sources;

/// <summary>A saved kernel log: dmesg, dmesg -T/-H, syslog, journal short or export output, or "-" for stdin.</summary>
public sealed class LogFileSource(string path, Func<Stream>? stdin = null) : IHwErrSource
{
    /// <inheritdoc />
    public string Name => "log";

    /// <summary>The lines that carried evidence, after a read.</summary>
    public IReadOnlyList<string> Claimed { get; private set; } = [];

    /// <inheritdoc />
    public async Task<SourceReport> ReadAsync(SystemContext context, CancellationToken cancellationToken)
    {
        byte[] data;
        var origin = path == "-" ? "stdin" : path;
        try
        {
            if (path == "-")
            {
                using var ms = new MemoryStream();
                await using var input = (stdin ?? Console.OpenStandardInput)();
                await input.CopyToAsync(ms, cancellationToken).ConfigureAwait(false);
                data = ms.ToArray();
            }
            else
            {
                // Looked at first: a FIFO would block the read, a directory is no log.
                if (OpsKit.Core.Files.IoErrors.NotARegularFile(path) is { } problem)
                    throw new OpsKitException($"{path}: {(problem.Why.StartsWith("no such", StringComparison.Ordinal) ? "no such kernel log file" : problem.Why)}", problem.Code);
                data = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpsKitException($"{path}: {e.Message}", ExitCodes.IoError, e);
        }
        var parser = new KernelLogParser();
        foreach (var (line, text) in LogText.Messages(data)) parser.Add(text, $"{origin}:{line}");
        Claimed = parser.Claimed;
        var report = parser.Finish(Name, origin);
        // A saved log holds all its lines on every read: its counts are running totals, like a counter's,
        // so a run that follows a state file judges only what the file gained since the last run.
        for (var i = 0; i < report.Observations.Count; i++) report.Observations[i] = report.Observations[i] with { IsCounter = true };
        return report;
    }
}

/// <summary>The live kernel ring buffer, read from just after the last sequence number seen.</summary>
public sealed class KmsgSource(long start) : IHwErrSource
{
    private readonly long _after = start;

    /// <summary>The device on a live host.</summary>
    public const string Device = "/dev/kmsg";

    /// <inheritdoc />
    public string Name => "log";

    /// <summary>The highest sequence number read (the start point of the next run).</summary>
    public long LastSequence { get; private set; } = start;

    /// <summary>The lines that carried evidence, after a read.</summary>
    public IReadOnlyList<string> Claimed { get; private set; } = [];

    /// <inheritdoc />
    public Task<SourceReport> ReadAsync(SystemContext context, CancellationToken cancellationToken)
    {
        var path = context.HostPath(Device);
        var parser = new KernelLogParser();
        List<KmsgRecord> records;
        try
        {
            records = KmsgReader.ReadAfter(path, _after);
        }
        catch (IOException e)
        {
            return Task.FromResult(parser.Finish(Name, path).Unknown($"kernel log not read: {e.Message}"));
        }
        foreach (var r in records.Where(r => r.Facility == 0))
            parser.Add(r.Text, $"{Device}#{r.Sequence.ToString(CultureInfo.InvariantCulture)}");
        if (records.Count > 0) LastSequence = records.Max(r => r.Sequence);
        Claimed = parser.Claimed;
        var report = parser.Finish(Name, _after >= 0 ? $"{path} after #{_after}" : path);
        return Task.FromResult(report);
    }
}

/// <summary>journalctl -k in export format, from the cursor saved by the previous run.</summary>
public sealed class JournalSource(string cursorFile, TimeSpan timeout) : IHwErrSource
{
    /// <inheritdoc />
    public string Name => "log";

    /// <summary>The lines that carried evidence, after a read.</summary>
    public IReadOnlyList<string> Claimed { get; private set; } = [];

    /// <inheritdoc />
    public async Task<SourceReport> ReadAsync(SystemContext context, CancellationToken cancellationToken)
    {
        var parser = new KernelLogParser();
        var program = ExecutableLocator.Find("journalctl", context.Env("PATH"));
        if (program is null) return parser.Finish(Name, "journalctl").Unknown("kernel log not read: journalctl not found");
        var spec = new CommandSpec(program, "-k", "-o", "export", "--no-pager", $"--cursor-file={cursorFile}") { Timeout = timeout };
        var result = await context.Runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            return parser.Finish(Name, spec.Display).Unknown($"{spec.Display}: {(result.TimedOut ? "timed out" : $"exit {result.ExitCode}")} {result.StandardError.Trim()}".Trim());
        foreach (var (line, text) in LogText.Messages(System.Text.Encoding.UTF8.GetBytes(result.StandardOutput))) parser.Add(text, $"journal:{line}");
        Claimed = parser.Claimed;
        return parser.Finish(Name, spec.Display);
    }
}

/// <summary>A RAS tool's output: a saved file (--from KIND=FILE) or the tool run now.</summary>
public sealed class ToolSource(string kind, string? file, TimeSpan timeout) : IHwErrSource
{
    /// <inheritdoc />
    public string Name => kind;

    /// <summary>What the tool printed, after a live read (for "hwerr dump").</summary>
    public string? Output { get; private set; }

    /// <inheritdoc />
    public async Task<SourceReport> ReadAsync(SystemContext context, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            if (OpsKit.Core.Files.IoErrors.NotARegularFile(file) is { } problem)
                throw new OpsKitException($"{file}: {(problem.Why.StartsWith("no such", StringComparison.Ordinal) ? $"no such {kind} output file" : problem.Why)}", problem.Code);
            try
            {
                Output = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OpsKitException($"{file}: {e.Message}", ExitCodes.IoError, e);
            }
            return ToolKinds.Parse(kind, Output, file);
        }
        var (name, args) = ToolKinds.Command(kind);
        var program = ExecutableLocator.Find(name, context.Env("PATH"));
        if (program is null) return new SourceReport(kind, name).Unknown($"{name} not found ([hwerr] tools lists it)");
        var spec = new CommandSpec(program, args) { Timeout = timeout };
        var result = await context.Runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            return new SourceReport(kind, spec.Display).Unknown($"{spec.Display}: {(result.TimedOut ? "timed out" : $"exit {result.ExitCode}")} {result.StandardError.Trim()}".Trim());
        Output = result.StandardOutput;
        return ToolKinds.Parse(kind, Output, spec.Display);
    }
}
