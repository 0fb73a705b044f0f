// TomlTestSuiteTests: runs every TOML 1.1 case of the toml-test suite (valid: tagged JSON equality; invalid: TomlException).
using System.Runtime.ExceptionServices;
using System.Text.Json;
using OpsKit.Core.Toml;

namespace OpsKit.Core.Tests.Toml;

public sealed class TomlTestSuiteTests
{
    private static readonly TimeSpan ParseTimeLimit = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(TomlTestData.ValidCases), MemberType = typeof(TomlTestData))]
    public void Valid_case_parses_to_the_expected_tagged_json(string name)
    {
        byte[] toml = File.ReadAllBytes(Path.Combine(TomlTestData.Root, name + ".toml"));
        string expectedJson = File.ReadAllText(Path.Combine(TomlTestData.Root, name + ".json"));

        var table = ParseWithTimeLimit(toml, name);
        string actualJson = TomlTaggedJson.Write(table);

        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        string? difference = TaggedJsonComparer.FirstDifference(expected.RootElement, actual.RootElement);
        Assert.True(difference is null, $"{name}: {difference}\nactual: {actualJson}");
    }

    [Theory]
    [MemberData(nameof(TomlTestData.InvalidCases), MemberType = typeof(TomlTestData))]
    public void Invalid_case_is_rejected_with_a_toml_exception(string name)
    {
        byte[] toml = File.ReadAllBytes(Path.Combine(TomlTestData.Root, name + ".toml"));
        Exception? error = null;
        try
        {
            var table = ParseWithTimeLimit(toml, name);
            Assert.Fail($"{name} was accepted: {TomlTaggedJson.Write(table)}");
        }
        catch (TomlException e)
        {
            error = e;
        }
        var tomlError = Assert.IsType<TomlException>(error);
        Assert.True(tomlError.Line >= 1 && tomlError.Column >= 1, $"bad position in: {tomlError.Message}");
        Assert.StartsWith(name + ":", tomlError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suite_has_all_712_toml_1_1_cases()
    {
        Assert.Equal(220, TomlTestData.CaseNames("valid/").Count());
        Assert.Equal(492, TomlTestData.CaseNames("invalid/").Count());
    }

    /// <summary>Parses on a worker thread so a hang fails the test instead of stalling the run; unwraps the real exception.</summary>
    private static TomlTable ParseWithTimeLimit(byte[] toml, string name)
    {
        var task = Task.Run(() => TomlReader.Parse(toml, name));
        bool finished;
        try
        {
            finished = task.Wait(ParseTimeLimit);
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        Assert.True(finished, $"{name}: parse did not finish within {ParseTimeLimit.TotalSeconds} s");
        return task.Result;
    }
}
