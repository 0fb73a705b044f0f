// "ssh test" as text and as JSON (docs/json.md, docs/schemas/ssh-test.schema.json): what a policy makes of a
// command, word by word. rule is null when no rule decided (e.g. a reject before matching).
using System.Text;
using System.Text.Json.Serialization;
using OpsKit.Core.Output;
using OpsKit.Core.Processes;
using OpsKit.SshGuard.Hook;
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard;

/// <summary>"ssh test --json".</summary>
public sealed record SshTestJson(int SchemaVersion, string Policy, string Command, bool Accepted, string Reason, string? Rule,
    IReadOnlyList<string> Exec, IReadOnlyList<SshWordJson> Words)
{
    /// <summary>The document for a verdict.</summary>
    public static SshTestJson From(SshPolicy policy, byte[] raw, Verdict verdict) => new(JsonOutput.SchemaVersion, policy.Name,
        DecisionLog.Printable(raw), verdict.Accepted, verdict.Reason, verdict.Rule, verdict.Argv,
        [.. verdict.Notes.Select(n => new SshWordJson(n.Word, n.Meaning, n.Refused))]);
}

/// <summary>One word of the command and what the policy made of it.</summary>
public sealed record SshWordJson(string Word, string Meaning, bool Refused);

/// <summary>Renders a verdict for "ssh test".</summary>
public static class TestReport
{
    /// <summary>The verdict as text or JSON.</summary>
    public static string Render(SshPolicy policy, byte[] raw, Verdict verdict, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(SshTestJson.From(policy, raw, verdict), SshJsonContext.Reports.SshTestJson);
        var w = new StringBuilder();
        w.Append("policy:  ").Append(policy.Name).Append(" (").Append(policy.Source).Append(")\n");
        w.Append("command: ").Append(DecisionLog.Printable(raw)).Append('\n');
        if (verdict.Notes.Count > 0)
        {
            var table = new TextTable("WORD", "MEANING");
            foreach (var n in verdict.Notes) table.Add(ValueRules.Short(n.Word), n.Refused ? "REFUSED: " + n.Meaning : n.Meaning);
            w.Append(table);
        }
        if (verdict.Accepted)
        {
            w.Append("verdict: accept (").Append(verdict.Reason).Append(")\n");
            w.Append("exec:    ").Append(string.Join(' ', verdict.Argv.Select(ShellQuote.Quote))).Append('\n');
        }
        else
        {
            w.Append("verdict: reject (").Append(verdict.Reason).Append(")\n");
        }
        return w.ToString();
    }
}

/// <summary>Source-generated serializer for the ssh reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SshTestJson))]
[JsonSerializable(typeof(OpsKit.SshGuard.Report.SshReport))]
public sealed partial class SshJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static SshJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
