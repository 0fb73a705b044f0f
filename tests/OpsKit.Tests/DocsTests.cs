// Generated docs are committed; these tests fail when they are stale
// (`make docs` regenerates), when mandoc finds problems, or when bash
// completion does not complete in a real bash.
using OpsKit.Core.Processes;
using OpsKit.Docs;
using OpsKit.Testing;

namespace OpsKit.Tests;

public class DocsTests
{
    public static TheoryData<string> ManPages() => [.. ManPage.All(Program.CreateRoot(), ConfigSchemas.All).Keys];

    [Theory]
    [MemberData(nameof(ManPages))]
    public void ManPage_IsCurrent(string name) =>
        AssertCurrent(Path.Combine("man", name), ManPage.All(Program.CreateRoot(), ConfigSchemas.All)[name]);

    [Fact]
    public void Completions_AreCurrent()
    {
        var root = Program.CreateRoot();
        AssertCurrent("completions/opskit.bash", Completions.Bash(root));
        AssertCurrent("completions/_opskit", Completions.Zsh(root));
        AssertCurrent("completions/opskit.fish", Completions.Fish(root));
    }

    [Fact]
    public void ExampleConfig_IsCurrent_AndValid()
    {
        var text = ExampleConfig.Generate(ConfigSchemas.All);
        AssertCurrent("examples/opskit.toml", text);
        // Every key is commented out at its default, so the example parses and validates as is.
        Core.Config.OpsKitConfig.FromText(text, "examples/opskit.toml", ConfigSchemas.All);
        foreach (var schema in ConfigSchemas.All)
            foreach (var key in schema.Keys)
                Assert.Contains($"#{key.Name} = ", text);
    }

    [Theory]
    [MemberData(nameof(ManPages))]
    public void ManPage_IsMandocLintClean(string name)
    {
        var r = Run("mandoc", "-Tlint", Path.Combine(RepoPaths.Root, "man", name));
        Assert.True(r.ExitCode == 0, $"mandoc -Tlint {name}:\n{r.StandardOutput}{r.StandardError}");
    }

    [Fact]
    public void MainManPage_DocumentsEveryExitCode()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "man", "opskit.1"));
        foreach (var (code, _, _) in Core.ExitCodes.Table) Assert.Contains($".B {code}\n", page);
    }

    [Theory]
    [InlineData("opskit con", "config")]
    [InlineData("opskit config ", "check show toml-decode")]
    [InlineData("opskit --no-config config sh", "show")]
    [InlineData("opskit config show --j", "--json")]
    [InlineData("opskit mail test --", "--config --debug --help --no-config --to --verbose")]
    public void BashCompletion_CompletesInARealBash(string line, string expected)
    {
        var words = line.Split(' ');
        var script = $"""
            source /usr/share/bash-completion/bash_completion
            source {Path.Combine(RepoPaths.Root, "completions", "opskit.bash")}
            COMP_LINE='{line}'; COMP_POINT=${"{"}#COMP_LINE{"}"}
            COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}
            _opskit
            printf '%s\n' "${"{"}COMPREPLY[@]{"}"}" | sort | tr '\n' ' '
            """;
        var r = Run("bash", "--norc", "-c", script);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.StandardOutput.Trim());
    }

    private static void AssertCurrent(string relative, string generated)
    {
        var path = Path.Combine(RepoPaths.Root, relative);
        Assert.True(File.Exists(path), $"{relative} is missing: run 'make docs'");
        Assert.True(File.ReadAllText(path) == generated, $"{relative} is stale: run 'make docs' and commit the result");
    }

    private static CommandResult Run(string program, params string[] args) =>
        new ProcessRunner().RunAsync(new CommandSpec(program, args) { Timeout = TimeSpan.FromSeconds(30) }).GetAwaiter().GetResult();
}
