// Generated docs are committed; these tests fail when they are stale
// (`make docs` regenerates), when mandoc finds problems, or when the bash,
// zsh or fish completion does not offer the right words in that real shell.
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
    [MemberData(nameof(CompletionCases))]
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

    public static TheoryData<string, string> CompletionCases() => new()
    {
        { "opskit con", "config" },
        { "opskit config ", "check show toml-decode" },
        { "opskit --no-config config sh", "show" },
        { "opskit config show --j", "--json" },
        { "opskit mail test --", "--config --debug --help --no-config --to --verbose" },
        { "opskit raid check --format ", "json nagios prometheus text" },
        { "opskit aoe serve --interface eth0 --sh", "--shelf" },
    };

    /// <summary>
    /// The zsh function, run by a real zsh with the completion system's builtins replaced by stubs that print
    /// what they were given, filtered by the word being completed as zsh would (driving an interactive zsh
    /// through a pty would test zsh, not us). Also: compinit finds it through #compdef.
    /// </summary>
    [Theory]
    [MemberData(nameof(CompletionCases))]
    public void ZshCompletion_OffersTheWords(string line, string expected)
    {
        var script = $$"""
            compadd() { local -a w; w=("${@[${@[(i)--]}+1,-1]}"); print -l -- ${(M)w:#${PREFIX}*}; }
            _describe() { local -a w; w=(${${(P)2}%%:*}); print -l -- ${(M)w:#${PREFIX}*}; }
            _files() { print -- '<files>'; }
            source {{Path.Combine(RepoPaths.Root, "completions", "_opskit")}} >/dev/null
            LINE='{{line}}'
            words=(${(z)LINE}); [[ $LINE == *' ' ]] && words+=('')
            CURRENT=${#words}; PREFIX=${words[CURRENT]}
            _opskit | sort | tr '\n' ' '
            """;
        var r = Run("zsh", "-f", "-c", script);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal(expected, r.StandardOutput.Trim());
    }

    [Fact]
    public void ZshCompletion_IsFoundByCompinit()
    {
        var r = Run("zsh", "-f", "-c", $"fpath=({Path.Combine(RepoPaths.Root, "completions")} $fpath); autoload -U compinit; compinit -u -D; print -- ${{_comps[opskit]}}");
        Assert.Equal("_opskit", r.StandardOutput.Trim());
    }

    /// <summary>fish's own completion engine: complete -C prints what TAB would offer for a command line.</summary>
    [Theory]
    [MemberData(nameof(CompletionCases))]
    public void FishCompletion_CompletesInARealFish(string line, string expected)
    {
        var r = Run("fish", "--no-config", "-c", $"source {Path.Combine(RepoPaths.Root, "completions", "opskit.fish")}; complete -C '{line}'");
        Assert.True(r.ExitCode == 0, r.StandardError);
        var words = r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(' ', words));
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
