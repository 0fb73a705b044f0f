// opskit ssh test: explain, word by word, what a policy makes of a command
// (for an admin writing a policy). Nothing is executed or logged.
using System.CommandLine;
using System.Net;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.SshGuard;
using OpsKit.SshGuard.Hook;
using OpsKit.SshGuard.Policy;

namespace OpsKit.Commands.Ssh;

/// <summary>Options of "ssh test".</summary>
/// <param name="Policy">--policy.</param>
/// <param name="Command">The command words (joined with spaces, as ssh does), or null with --file.</param>
/// <param name="File">--file: read the exact bytes from a file ('-' = stdin).</param>
/// <param name="From">--from: the client address to assume.</param>
/// <param name="Label">--label.</param>
/// <param name="Json">--json.</param>
public sealed record TestOptions(string? Policy, IReadOnlyList<string> Command, string? File, string? From, string? Label, bool Json);

/// <summary>"ssh test".</summary>
public static class SshTestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var policy = SshCommand.PolicyOption("Policy to test against. [default: [ssh] default_policy]");
        var file = new Option<string?>("--file") { Description = "Read the exact command bytes from FILE ('-' = stdin), e.g. to test NUL or invalid UTF-8.", HelpName = "FILE" };
        var from = new Option<string?>("--from") { Description = "Assume the client connects from this address.", HelpName = "IP" };
        var label = SshCommand.LabelOption();
        var json = GlobalOptions.Json();
        var words = new Argument<string[]>("command") { Description = "The command as the client would send it (put it after --).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("test", "Explain word by word whether a policy accepts a command, and what would run (exit 0 accept, 1 reject).")
        {
            policy, file, from, label, json, words,
        };
        command.SetAction(parse => Run(parse, new TestOptions(parse.GetValue(policy), parse.GetValue(words) ?? [],
            parse.GetValue(file), parse.GetValue(from), parse.GetValue(label), parse.GetValue(json))));
        return command;
    }

    private static int Run(ParseResult parse, TestOptions o)
    {
        using var host = CommandHost.From(parse, "opskit");
        var loaded = PolicyLoader.Load(host.Config.Section("ssh"), o.Policy);
        if (o.File is null && o.Command.Count == 0) throw OpsKitException.Usage("give the command after --, or --file FILE");
        var raw = o.File switch
        {
            null => System.Text.Encoding.UTF8.GetBytes(string.Join(' ', o.Command)),
            "-" => ReadAll(Console.OpenStandardInput()),
            var path => System.IO.File.ReadAllBytes(path),
        };
        if (o.From is not null && !IPAddress.TryParse(o.From, out _)) throw OpsKitException.Usage($"--from: '{o.From}' is not an IP address");
        // The hook also checks the tree: a path through a symlink here is refused there.
        var verdict = Beneath.Check(Guard.Decide(loaded, raw, new Client(o.From, o.Label)));
        parse.Out.Write(TestReport.Render(loaded, raw, verdict, o.Json ? OutputFormat.Json : OutputFormat.Text));
        return verdict.Accepted ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static byte[] ReadAll(Stream s)
    {
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
