// opskit generate man|bash|zsh|fish|example: writes the docs from the command tree (used by "make docs").
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Generate;

/// <summary>"generate".</summary>
public static class GenerateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = "What to write: man (the man pages), bash, zsh or fish (completion scripts), example (the documented opskit.toml)." };
        what.AcceptOnlyFromAmong("man", "bash", "zsh", "fish", "example");
        var dir = new Option<string?>("--output", "-o", "--output-dir") { Description = "Write the file(s) into this directory instead of stdout.", HelpName = "DIR" };
        var command = new Command("generate", "Generate the man pages, a shell completion script or the example config.") { what, dir };
        command.SetAction(parse =>
        {
            var root = Program.CreateRoot();
            var files = parse.GetValue(what) switch
            {
                "man" => ManPage.All(root, ConfigSchemas.All),
                "bash" => new Dictionary<string, string> { ["opskit.bash"] = Completions.Bash(root) },
                "zsh" => new Dictionary<string, string> { ["_opskit"] = Completions.Zsh(root) },
                "example" => new Dictionary<string, string> { ["opskit.toml"] = ExampleConfig.Generate(ConfigSchemas.All) },
                _ => new Dictionary<string, string> { ["opskit.fish"] = Completions.Fish(root) },
            };
            var outDir = parse.GetValue(dir);
            foreach (var (name, text) in files)
            {
                if (outDir is null) parse.Out.Write(text);
                else
                {
                    Directory.CreateDirectory(outDir);
                    File.WriteAllText(Path.Combine(outDir, name), text);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
