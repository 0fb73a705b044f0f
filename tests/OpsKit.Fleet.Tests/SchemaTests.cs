// The JSON reports of snapshot check and ssh report against their schemas in docs/schemas
// (draft 2020-12, JsonSchema.Net), on real output of the built binary; and the schemas are strict
// enough to reject a document of the wrong shape.
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OpsKit.Testing;

namespace OpsKit.Fleet.Tests;

public sealed class SchemaTests(FleetOutputs outputs) : IClassFixture<FleetOutputs>
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> s_schemas = new(() =>
        new[] { "snapshot-check", "ssh-report" }.ToDictionary(n => n,
            n => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "schemas", $"{n}.schema.json")))));

    private static readonly EvaluationOptions s_options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static EvaluationResults Evaluate(string schema, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return s_schemas.Value[schema].Evaluate(doc.RootElement, s_options);
    }

    private static void AssertValid(string schema, string json)
    {
        var result = Evaluate(schema, json);
        Assert.True(result.IsValid, $"{schema}: {JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true })}\n{json}");
    }

    public static TheoryData<string> SnapshotCases() => new() { "all", "missing-root", "not-a-root" };

    [Theory]
    [MemberData(nameof(SnapshotCases))]
    public void Snapshot_check_json_matches_its_schema(string which)
    {
        using var dir = new TempDir("fleet-schema");
        var root = which switch { "all" => outputs.SnapshotRoot, "missing-root" => dir.File("nosuch"), _ => dir.Path };
        var r = OpskitProcess.Run("--no-config", "snapshot", "check", "--root", root, "--json");
        Assert.True(r.ExitCode is 0 or 3, r.StandardError);
        AssertValid("snapshot-check", r.StandardOutput);
    }

    [Fact]
    public void Ssh_report_json_matches_its_schema_with_a_missing_input_too()
    {
        var r = OpskitProcess.Run("--no-config", "ssh", "report", "--json", "--since", "7d", outputs.SshLog, "/nonexistent.log");
        Assert.Equal(74, r.ExitCode);
        AssertValid("ssh-report", r.StandardOutput);
        var json = JsonNode.Parse(r.StandardOutput)!;
        Assert.Equal(3, json["refused"]!.GetValue<int>());
        Assert.NotNull(json["inputs"]![1]!["error"]);
    }

    [Fact]
    public void The_schemas_reject_documents_of_the_wrong_shape()
    {
        var good = OpskitProcess.Run("--no-config", "snapshot", "check", "--root", outputs.SnapshotRoot, "--json").StandardOutput;
        var noVersion = JsonNode.Parse(good)!.AsObject();
        noVersion.Remove("schema_version");
        Assert.False(Evaluate("snapshot-check", noVersion.ToJsonString()).IsValid);
        var badStatus = JsonNode.Parse(good)!;
        badStatus["series"]![0]!["status"] = "FINE";
        Assert.False(Evaluate("snapshot-check", badStatus.ToJsonString()).IsValid);
        var zeroForUnknown = JsonNode.Parse(good)!;
        zeroForUnknown["series"]![0]!["newest"] = 0;
        Assert.False(Evaluate("snapshot-check", zeroForUnknown.ToJsonString()).IsValid);
        var ssh = JsonNode.Parse(OpskitProcess.Run("--no-config", "ssh", "report", "--json", outputs.SshLog).StandardOutput)!;
        ssh["accepted"] = -1;
        Assert.False(Evaluate("ssh-report", ssh.ToJsonString()).IsValid);
    }
}
