// System.Text.Json source generation for the snapshot area's JSON (no reflection: the binary is Native AOT).
using System.Text.Json.Serialization;

namespace OpsKit.Snapshots.Check;

/// <summary>Serializer metadata of the check report and the series state file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SnapshotCheckReport))]
[JsonSerializable(typeof(SeriesStatus))]
public sealed partial class SnapshotJsonContext : JsonSerializerContext;
