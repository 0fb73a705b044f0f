// The surface a person touches, checked over the whole command tree: one meaning per short option (and the
// table in CONTRIBUTING.md says the same), defaults written one way in --help, options after arguments, the
// man pages' EXAMPLES (each one parses) and EXIT STATUS, the example config, and nothing on a terminal
// that nobody asked for.
using System.CommandLine;
using System.Text.RegularExpressions;
using OpsKit.Core.Processes;
using OpsKit.Docs;
using OpsKit.Testing;

namespace OpsKit.Tests;

public class SurfaceTests
{
    private static IEnumerable<(string Path, Command Command)> AllCommands(Command c, string path = "opskit")
    {
        yield return (path, c);
        foreach (var sub in c.Subcommands)
            foreach (var x in AllCommands(sub, $"{path} {sub.Name}")) yield return x;
    }

    /// <summary>Short alias to the long names it stands for, over every command (hidden ones too).</summary>
    private static Dictionary<string, SortedSet<string>> ShortOptions()
    {
        var map = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (_, command) in AllCommands(Program.CreateRoot()))
        {
            foreach (var o in command.Options)
            {
                foreach (var alias in o.Aliases.Append(o.Name).Where(a => Regex.IsMatch(a, "^-[A-Za-z]$")))
                {
                    if (!map.TryGetValue(alias, out var set)) map[alias] = set = new SortedSet<string>(StringComparer.Ordinal);
                    set.Add(o.Name);
                }
            }
        }
        return map;
    }

    [Fact]
    public void Every_short_option_means_one_thing_across_the_tool()
    {
        var clashes = ShortOptions().Where(kv => kv.Value.Count > 1).Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}").ToList();
        Assert.True(clashes.Count == 0, "short options with more than one meaning: " + string.Join("; ", clashes));
    }

    [Fact]
    public void No_command_redefines_a_global_short_option()
    {
        // -c and -v belong to the root's recursive options; -n is --dry-run wherever a command has one.
        var global = new Dictionary<string, string> { ["-c"] = "--config", ["-v"] = "--verbose", ["-n"] = "--dry-run" };
        var wrong = new List<string>();
        foreach (var (path, command) in AllCommands(Program.CreateRoot()))
        {
            foreach (var o in command.Options)
            {
                foreach (var (alias, meaning) in global)
                {
                    if (!o.Aliases.Contains(alias)) continue;
                    if (o.Name != meaning) wrong.Add($"{path}: {alias} is {o.Name}");
                    else if (alias != "-n" && command is not RootCommand) wrong.Add($"{path}: redefines {alias}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void The_short_option_table_in_CONTRIBUTING_is_the_tools()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "CONTRIBUTING.md"));
        var documented = Regex.Matches(text, @"^\| `(-[A-Za-z])` \| `(--[a-z-]+)` \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var actual = ShortOptions().ToDictionary(kv => kv.Key, kv => kv.Value.First());
        Assert.Equal(actual.OrderBy(kv => kv.Key, StringComparer.Ordinal), documented.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Defaults_are_written_one_way_in_every_help()
    {
        // System.CommandLine prints "[default: X]" for a default value; a default it cannot know (a config key,
        // a computed value) is written the same way at the end of the description.
        var wrong = new List<string>();
        foreach (var (path, command) in AllCommands(Program.CreateRoot()))
        {
            foreach (var o in command.Options)
            {
                var d = o.Description ?? "";
                if (Regex.IsMatch(d, @"\(default[ :]|, default |\bdefault \d", RegexOptions.IgnoreCase)) wrong.Add($"{path} {o.Name}: {d}");
                if (o.HasDefaultValue && d.Contains("[default:", StringComparison.Ordinal)) wrong.Add($"{path} {o.Name}: default twice");
            }
            foreach (var a in command.Arguments)
            {
                if (Regex.IsMatch(a.Description ?? "", @"\(default[ :]", RegexOptions.IgnoreCase)) wrong.Add($"{path} <{a.Name}>: {a.Description}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Options_after_a_positional_argument_parse_as_options()
    {
        var root = Program.CreateRoot();
        var ok = root.Parse(["iowait", "summary", "kern.log", "--top", "5", "--by", "command"]);
        Assert.Empty(ok.Errors);
        var unknown = root.Parse(["iowait", "summary", "kern.log", "--bogus"]);
        Assert.Contains(unknown.Errors, e => e.Message.Contains("unknown option '--bogus'", StringComparison.Ordinal));
        OptionLikeArguments.DoubleDash = true;
        try
        {
            Assert.Empty(root.Parse(["iowait", "summary", "--", "-odd-name.log"]).Errors);
        }
        finally
        {
            OptionLikeArguments.DoubleDash = false;
        }
    }

    [Fact]
    public void Generate_help_lists_its_targets()
    {
        var r = OpskitProcess.Run("generate", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var target in new[] { "man", "bash", "zsh", "fish", "example" }) Assert.Contains(target, r.StandardOutput);
    }

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (area, docs) in AreaDocsRegistry.All)
            foreach (var e in docs.Examples) data.Add(area, e.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_man_page_example_parses(string area, string line)
    {
        var words = ShellWords(line);
        Assert.Equal("opskit", words[0]);
        Assert.Contains(area, words);
        OptionLikeArguments.DoubleDash = words.Contains("--");
        try
        {
            var parse = Program.CreateRoot().Parse(words.Skip(1).ToArray());
            Assert.True(parse.Errors.Count == 0, $"{line}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
        finally
        {
            OptionLikeArguments.DoubleDash = false;
        }
    }

    [Fact]
    public void Every_area_page_has_examples_and_exit_status()
    {
        var root = Program.CreateRoot();
        var pages = ManPage.All(root, ConfigSchemas.All);
        foreach (var area in root.Subcommands.Where(c => !c.Hidden && c.Subcommands.Count > 0))
        {
            var page = pages[$"opskit-{area.Name}.8"];
            Assert.True(AreaDocsRegistry.All.ContainsKey(area.Name), $"{area.Name}: no examples beside its commands");
            Assert.Contains(".SH EXAMPLES\n.TP\n.B opskit", page);
            var status = page[page.IndexOf(".SH EXIT STATUS\n", StringComparison.Ordinal)..];
            Assert.Contains(".B 0\n", status);
            Assert.Contains(".B 70\n", status);
        }
    }

    [Fact]
    public void The_example_config_defines_no_table_and_parses_to_nothing()
    {
        var text = ExampleConfig.Generate(ConfigSchemas.All);
        foreach (var line in text.Split('\n').Where(l => l.Length > 0)) Assert.StartsWith("#", line);
        Assert.Equal(0, OpsKit.Core.Toml.TomlReader.Parse(text).Count);
        Assert.Contains("#[[aoe.export]]", text);
        Assert.Contains("#[ssh.policy.NAME]", text);
    }

    /// <summary>The run under a real terminal (script(1) gives it a pty as stdin, stdout and stderr).</summary>
    private static byte[] UnderTerminal(string command, IReadOnlyDictionary<string, string?>? env = null)
    {
        var spec = new CommandSpec("script", "-qec", command, "/dev/null")
        {
            Timeout = TimeSpan.FromSeconds(60),
            Environment = env ?? new Dictionary<string, string?>(),
        };
        var r = new ProcessRunner().RunAsync(spec).GetAwaiter().GetResult();
        return System.Text.Encoding.Latin1.GetBytes(r.StandardOutput);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--no-config config check")]
    [InlineData("--no-config raid detect")]
    [InlineData("--help")]
    public void Nothing_but_text_reaches_a_terminal(string args)
    {
        var bytes = UnderTerminal($"TERM=xterm {RepoPaths.OpskitBinary} {args}");
        Assert.NotEmpty(bytes);
        Assert.True(Array.IndexOf(bytes, (byte)0x1b) < 0, "escape byte in: " + System.Text.Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Cron_mode_on_a_terminal_without_dev_log_prints_nothing_when_all_is_well()
    {
        // No /dev/log on these hosts (and the test says so if there is one): an all-OK replay under --cron is silent.
        if (File.Exists("/dev/log")) return;
        var replay = RepoPaths.TestData("raid", "mdstat", "three-raid1");
        var bytes = UnderTerminal($"{RepoPaths.OpskitBinary} --no-config raid check --cron --replay {replay}; echo \"rc=$?\"");
        Assert.Equal("rc=0\r\n", System.Text.Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Snapshot_create_shows_a_progress_line_on_a_terminal_only_and_clears_it()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("src"));
        File.WriteAllText(dir.File("src", "a.txt"), "hello\n");
        Directory.CreateDirectory(dir.File("snaps"));
        var tty = System.Text.Encoding.Latin1.GetString(UnderTerminal(
            $"{RepoPaths.OpskitBinary} --no-config snapshot create --source {dir.File("src")} --dest {dir.File("snaps")} --series s1"));
        Assert.Contains("\r", tty);
        Assert.Contains("complete", tty);
        Assert.DoesNotContain("\u001b", tty);
        var piped = OpskitProcess.Run("--no-config", "snapshot", "create", "--source", dir.File("src"), "--dest", dir.File("snaps"), "--series", "s2");
        Assert.True(piped.ExitCode == 0, piped.StandardError);
        Assert.DoesNotContain("\r", piped.StandardError + piped.StandardOutput);
    }

    private static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        foreach (Match m in Regex.Matches(line, "'([^']*)'|\"([^\"]*)\"|(\\S+)"))
            words.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
        return words;
    }
}
