// opskit ssh authorize: print the authorized_keys line that locks a public key
// to "opskit ssh validate" under a policy (restrict, from=, command=).
using System.CommandLine;
using OpsKit.Core;
using OpsKit.SshGuard.Hook;
using OpsKit.SshGuard.Policy;

namespace OpsKit.Commands.Ssh;

/// <summary>Options of "ssh authorize".</summary>
/// <param name="Policy">--policy (checked to load).</param>
/// <param name="Key">--key: the public key file.</param>
/// <param name="From">--from CIDR, repeatable.</param>
/// <param name="Label">--label.</param>
/// <param name="Program">--program: opskit's path on the server.</param>
public sealed record AuthorizeOptions(string Policy, string Key, IReadOnlyList<string> From, string? Label, string Program);

/// <summary>"ssh authorize".</summary>
public static class SshAuthorizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var policy = SshCommand.PolicyOption("Policy the key is locked to (NAME or FILE).");
        policy.Required = true;
        var key = new Option<string>("--key") { Description = "The public key file (id_ed25519.pub).", HelpName = "FILE", Required = true };
        var from = new Option<string[]>("--from") { Description = "Client networks allowed (CIDR), written as from= in the line; repeatable.", HelpName = "CIDR", AllowMultipleArgumentsPerToken = false };
        var label = SshCommand.LabelOption();
        var program = new Option<string?>("--program") { Description = "Absolute path of opskit on the server. [default: this opskit]", HelpName = "PATH" };
        var command = new Command("authorize", "Print the authorized_keys line that restricts a public key to a policy.")
        {
            policy, key, from, label, program,
        };
        command.SetAction(parse => Run(parse, new AuthorizeOptions(parse.GetValue(policy)!, parse.GetValue(key)!, parse.GetValue(from) ?? [],
            parse.GetValue(label), parse.GetValue(program) ?? Environment.ProcessPath ?? "/usr/local/bin/opskit")));
        return command;
    }

    private static int Run(ParseResult parse, AuthorizeOptions o)
    {
        using var host = CommandHost.From(parse, "opskit");
        var loaded = PolicyLoader.Load(host.Config.Section("ssh"), o.Policy);
        if (o.Label is not null && loaded.Keys.Count > 0 && !loaded.Keys.ContainsKey(o.Label))
            throw OpsKitException.Usage($"--label {o.Label}: policy {loaded.Name} has no [key.{o.Label}] (known: {string.Join(", ", loaded.Keys.Keys)})");
        if (o.Label is not null && !o.Label.All(SshGuard.WordChars.IsLabel)) throw OpsKitException.Usage("--label may only hold letters, digits and . _ - @");
        if (LabelRoots.Uses(loaded) && LabelRoots.Bind(loaded, o.Label, out var labelWhy) is null)
            throw OpsKitException.Usage($"policy {loaded.Name} gives each key its own folder ({LabelRoots.Placeholder} in its roots): {(o.Label is null ? "give --label NAME" : labelWhy)}");
        var networks = o.From.Select(f => Cidr.TryParse(f, out var error) ?? throw OpsKitException.Usage($"--from: {error}")).ToList();
        string text;
        try
        {
            text = File.ReadAllText(o.Key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpsKitException($"{o.Key}: {e.Message}", ExitCodes.IoError);
        }
        // A policy given as a file is written as an absolute path: the hook runs in the account's home.
        var policyArg = o.Policy.Contains('/', StringComparison.Ordinal) || o.Policy.EndsWith(".toml", StringComparison.Ordinal) ? Path.GetFullPath(o.Policy) : o.Policy;
        string line;
        try
        {
            line = AuthorizedKeysLine.Build(new AuthorizeRequest(text, o.Program, policyArg, o.Label, networks, parse.GetValue(GlobalOptions.Config)));
        }
        catch (OpsKitException e) when (e.ExitCode == ExitCodes.DataError)
        {
            throw new OpsKitException($"{o.Key}: {e.Message}", e.ExitCode);
        }
        parse.Out.WriteLine(line);
        return ExitCodes.Ok;
    }
}
