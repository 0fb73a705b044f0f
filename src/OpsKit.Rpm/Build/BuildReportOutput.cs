// "rpm build" as text and as JSON (docs/json.md, docs/schemas/rpm-build.schema.json): a record built from the
// report and serialized by the source-generated context; lint is null when rpmlint did not run.
using System.Text;
using System.Text.Json.Serialization;
using OpsKit.Core.Output;

namespace OpsKit.Rpm.Build;

/// <summary>"rpm build --json".</summary>
public sealed record RpmBuildJson(int SchemaVersion, bool Ok, string Topdir, bool RpmDistributionHost, IReadOnlyList<string> SourcesCopied,
    IReadOnlyList<string> Written, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors, IReadOnlyList<string> Problems,
    IReadOnlyList<string> Unpackaged, RpmLintJson? Lint)
{
    /// <summary>The document for a build.</summary>
    public static RpmBuildJson From(BuildReport r) => new(JsonOutput.SchemaVersion, r.Ok, r.TopDir, r.Host.IsRpmDistro, [.. r.Placed],
        [.. r.Output.Written], [.. r.Output.Warnings], [.. r.Output.Errors], [.. r.Problems], [.. r.Output.Unpackaged],
        r.Lint is { } l ? new RpmLintJson(l.Errors, l.Warnings, [.. l.Findings]) : null);
}

/// <summary>rpmlint's counts and findings.</summary>
public sealed record RpmLintJson(int Errors, int Warnings, IReadOnlyList<string> Findings);

/// <summary>Renders a build report.</summary>
public static class BuildReportOutput
{
    /// <summary>The report for stdout: text lines or JSON. Problems go to stderr separately (<see cref="Problems"/>).</summary>
    public static string Render(BuildReport report, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(RpmBuildJson.From(report), RpmJsonContext.Reports.RpmBuildJson);
        var o = new StringBuilder();
        o.Append("top dir: ").Append(report.TopDir).Append('\n');
        if (!report.Host.IsRpmDistro)
            o.Append("host: not an RPM distribution; built with --nodeps and OpsKit's compat macros (a smoke test: check on the target with mock or Copr)\n");
        foreach (var p in report.Placed) o.Append("source: ").Append(p).Append('\n');
        foreach (var w in report.Output.Written) o.Append("wrote: ").Append(w).Append('\n');
        foreach (var w in report.Output.Warnings) o.Append("rpmbuild warning: ").Append(w).Append('\n');
        if (report.Lint is { } lint)
        {
            foreach (var f in lint.Findings) o.Append("rpmlint: ").Append(f).Append('\n');
            o.Append(System.Globalization.CultureInfo.InvariantCulture, $"rpmlint: {lint.Errors} errors, {lint.Warnings} warnings\n");
        }
        return o.ToString();
    }

    /// <summary>The error lines for stderr (text mode), each "opskit: ...".</summary>
    public static IEnumerable<string> Problems(BuildReport report)
    {
        foreach (var p in report.Problems) yield return $"opskit: rpmbuild: {p}";
        if (report.Lint is { Errors: > 0 } bad) yield return $"opskit: rpmlint found {bad.Errors} errors";
    }
}

/// <summary>Source-generated serializer for the rpm reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RpmBuildJson))]
public sealed partial class RpmJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static RpmJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
