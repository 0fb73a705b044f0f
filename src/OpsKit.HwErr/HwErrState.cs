// The state of live checks, one JSON file: counter values by key, the boot they belong to,
// the kernel log position, corrected errors of the last 24 hours and uncorrected errors not
// yet acknowledged. Written through a temp file and a rename.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr;

/// <summary>The state file.</summary>
public sealed class HwErrState
{
    /// <summary>The boot the counter values belong to (/proc/sys/kernel/random/boot_id).</summary>
    public string? BootId { get; set; }

    /// <summary>Last /dev/kmsg sequence number read; -1: none yet.</summary>
    public long KmsgSequence { get; set; } = -1;

    /// <summary>When the last run saved it.</summary>
    public DateTimeOffset? LastRun { get; set; }

    /// <summary>Counter values by observation key.</summary>
    public Dictionary<string, long> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Corrected errors and throttling seen in the last 24 hours.</summary>
    public List<PendingError> Recent { get; } = [];

    /// <summary>Uncorrected errors until "hwerr ack".</summary>
    public List<PendingError> Uncorrected { get; } = [];

    /// <summary>Loads the file; a missing file is a fresh state, a damaged one an error naming it.</summary>
    public static HwErrState Load(string path)
    {
        var state = new HwErrState();
        if (!File.Exists(path)) return state;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new JsonException("not an object");
            state.BootId = (string?)root["boot_id"];
            state.KmsgSequence = (long?)root["kmsg_sequence"] ?? -1;
            if ((string?)root["last_run"] is { } lr) state.LastRun = DateTimeOffset.Parse(lr, CultureInfo.InvariantCulture);
            if (root["values"] is JsonObject values)
            {
                foreach (var (k, v) in values) state.Values[k] = (long)v!;
            }
            state.Recent.AddRange(Errors(root["recent"]));
            state.Uncorrected.AddRange(Errors(root["uncorrected"]));
            return state;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            throw OpsKitException.BadData($"{path}: damaged state file ({e.Message}); remove it to start afresh");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpsKitException($"{path}: {e.Message}", ExitCodes.IoError, e);
        }
    }

    private static IEnumerable<PendingError> Errors(JsonNode? node) =>
        node is JsonArray a
            ? a.Select(n => new PendingError(
                DateTimeOffset.Parse((string)n!["time"]!, CultureInfo.InvariantCulture), (string)n["key"]!,
                Enum.Parse<Severity>((string)n["severity"]!, ignoreCase: true), (long)n["count"]!, (string)n["what"]!, (string?)n["evidence"]))
            : [];

    /// <summary>Saves atomically, creating the directory.</summary>
    public void Save(string path)
    {
        var o = new JsonObject
        {
            ["version"] = 1,
            ["boot_id"] = BootId,
            ["kmsg_sequence"] = KmsgSequence,
            ["last_run"] = LastRun?.ToString("O", CultureInfo.InvariantCulture),
            ["values"] = Obj(Values),
            ["recent"] = Arr(Recent),
            ["uncorrected"] = Arr(Uncorrected),
        };
        var full = Path.GetFullPath(path);
        var temp = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(temp, o.ToJsonString(Core.Output.JsonOutput.Options) + "\n");
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw new OpsKitException($"{path}: state not saved: {e.Message}", ExitCodes.IoError, e);
        }
    }

    private static JsonObject Obj(Dictionary<string, long> values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal)) o[k] = v;
        return o;
    }

    private static JsonArray Arr(List<PendingError> errors) =>
        new(errors.Select(e => (JsonNode)new JsonObject
        {
            ["time"] = e.Time.ToString("O", CultureInfo.InvariantCulture),
            ["key"] = e.Key,
            ["severity"] = e.Severity.Label() == "info" ? "none" : e.Severity.ToString().ToLowerInvariant(),
            ["count"] = e.Count,
            ["what"] = e.What,
            ["evidence"] = e.Evidence,
        }).ToArray());
}
