// The JSON shapes of the aide reports (docs/json.md, docs/schemas/aide-*.schema.json): records built from the
// results and serialized by the source-generated context. Times are UTC, "yyyy-MM-ddTHH:mm:ssZ".
using System.Globalization;
using System.Text.Json.Serialization;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Aide.Output;

/// <summary>"aide check --json".</summary>
public sealed record AideCheckJson(int SchemaVersion, string Status, string? Problem, int? AideExit, string? ReportPath, string Started,
    double DurationSeconds, AideDatabaseJson? Database, AideSummaryJson? Summary, string? AideVersion,
    IReadOnlyList<AideEntryJson>? Added, IReadOnlyList<AideEntryJson>? Removed, IReadOnlyList<AideEntryJson>? Changed)
{
    /// <summary>The document for a check.</summary>
    public static AideCheckJson From(AideCheckResult r)
    {
        var rep = r.Report;
        IReadOnlyList<AideEntryJson>? Entries(AideChange change, bool attributes) => rep is null ? null
            : [.. rep.Of(change).Select(e => new AideEntryJson(e.Path, e.TypeName, r.Critical.Contains(e), attributes ? e.Attributes : null))];
        return new(JsonOutput.SchemaVersion, r.Status.Label(), r.Problem, r.AideExit, r.ReportPath, AideJsonTime.Of(r.Started),
            Math.Round(r.Duration.TotalSeconds, 3),
            r.Database is { } db ? new AideDatabaseJson(db.Path, db.Sha256, db.Exists ? db.Size : null, db.Trusted) : null,
            rep is null ? null : AideSummaryJson.Of(rep), rep?.Version,
            Entries(AideChange.Added, false), Entries(AideChange.Removed, false), Entries(AideChange.Changed, true));
    }
}

/// <summary>The database checked.</summary>
public sealed record AideDatabaseJson(string Path, string? Sha256, long? Size, bool Trusted);

/// <summary>Entry counts of an AIDE report; total is null when AIDE did not print it.</summary>
public sealed record AideSummaryJson(int? Total, int Added, int Removed, int Changed)
{
    internal static AideSummaryJson Of(AideReport r) => new(r.Total, r.Added, r.Removed, r.Changed);
}

/// <summary>One added, removed or changed path; attributes only for changed entries (null otherwise).</summary>
public sealed record AideEntryJson(string Path, string Type, bool Critical, IReadOnlyList<string>? Attributes);

/// <summary>"aide status --json".</summary>
public sealed record AideStatusJson(int SchemaVersion, string Status, string? Problem, AideStatusDatabaseJson Database,
    AideLastReportJson? LastReport, int ArchivedReports, int ArchivedDatabases)
{
    /// <summary>The document for a status.</summary>
    public static AideStatusJson From(AideStatus s, AideSettings settings) => new(JsonOutput.SchemaVersion, s.Status.Label(), s.Problem,
        new AideStatusDatabaseJson(s.Database.Path, s.Database.Exists, s.Database.Sha256, s.Database.Exists ? s.Database.Size : null,
            s.Database.State?.Sha256, s.Database.State is { } st ? AideJsonTime.Of(st.Recorded) : null, s.Database.Trusted),
        s.LastReport is { } last ? new AideLastReportJson(settings.ReportPath, last.Started is { } t ? AideJsonTime.Of(t) : null, last.Added, last.Removed, last.Changed) : null,
        s.ArchivedReports, s.ArchivedDatabases);
}

/// <summary>The database and its recorded digest.</summary>
public sealed record AideStatusDatabaseJson(string Path, bool Exists, string? Sha256, long? Size, string? RecordedSha256, string? Recorded, bool Trusted);

/// <summary>The last report kept.</summary>
public sealed record AideLastReportJson(string Path, string? Started, int Added, int Removed, int Changed);

/// <summary>"aide init --json" and "aide accept --json".</summary>
public sealed record AidePromotionJson(int SchemaVersion, string Database, string Sha256, long Size, string? ArchivedDatabase, string ReportPath, AideSummaryJson Summary)
{
    /// <summary>The document for a promotion.</summary>
    public static AidePromotionJson From(AidePromotion p) =>
        new(JsonOutput.SchemaVersion, p.Database, p.State.Sha256, p.State.Size, p.ArchivedDatabase, p.ReportPath, AideSummaryJson.Of(p.Report));
}

/// <summary>"aide rotate --json".</summary>
public sealed record AideRotateJson(int SchemaVersion, bool DryRun, IReadOnlyList<AideRotationStep> Steps)
{
    /// <summary>The document for a rotation.</summary>
    public static AideRotateJson From(AideRotation r, bool dryRun) => new(JsonOutput.SchemaVersion, dryRun, r.Steps);
}

internal static class AideJsonTime
{
    public static string Of(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>Source-generated serializer for the aide reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(AideCheckJson))]
[JsonSerializable(typeof(AideStatusJson))]
[JsonSerializable(typeof(AidePromotionJson))]
[JsonSerializable(typeof(AideRotateJson))]
public sealed partial class AideJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static AideJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
