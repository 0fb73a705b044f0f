// opskit ssh probe: check a restricted key's deployment from outside, with the key
// itself: what must be refused is refused by the hook, what the policy allows runs.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.SshGuard.Policy;
using OpsKit.SshGuard.Probe;

namespace OpsKit.Commands.Ssh;

/// <summary>"ssh probe".</summary>
public static class SshProbeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("USER@HOST") { Description = "The backup account and the server." };
        var key = new Option<string>("--key") { Description = "The restricted private key.", HelpName = "FILE", Required = true };
        var port = new Option<int>("--port") { Description = "sshd's port.", HelpName = "N", DefaultValueFactory = _ => 22 };
        var policy = SshCommand.PolicyOption("Also run one harmless allowed command per rule of this policy (NAME or FILE).");
        var label = SshCommand.LabelOption();
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each answer.", HelpName = "SECONDS", DefaultValueFactory = _ => 10 };
        var command = new Command("probe", "Check a restricted key from outside: a shell, a pty, port forwarding and commands the policy does not allow must be refused; exit 0 only when every refusal held.")
        {
            target, key, port, policy, label, timeout,
        };
        command.SetAction(parse => Run(parse, parse.GetValue(target)!, parse.GetValue(key)!, parse.GetValue(port), parse.GetValue(policy), parse.GetValue(label), parse.GetValue(timeout)));
        return command;
    }

    private static int Run(ParseResult parse, string target, string key, int port, string? policyName, string? label, int timeoutSeconds)
    {
        var at = target.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == target.Length - 1) throw OpsKitException.Usage($"'{target}': give the account and the server as USER@HOST");
        if (port is < 1 or > 65535) throw OpsKitException.Usage($"--port {port}: must be 1..65535");
        if (timeoutSeconds is < 1 or > 600) throw OpsKitException.Usage($"--timeout {timeoutSeconds}: must be 1..600 seconds");
        if (!File.Exists(key)) throw new OpsKitException($"--key {key}: no such file", ExitCodes.DataError);
        using var host = CommandHost.From(parse, "opskit");
        var policy = policyName is null ? null : PolicyLoader.Load(host.Config.Section("ssh"), policyName);
        IReadOnlyList<ProbeResult> results;
        try
        {
            results = DeploymentProbe.Run(new ProbeTarget(target[(at + 1)..], port, target[..at], key), policy, label, TimeSpan.FromSeconds(timeoutSeconds));
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw OpsKitException.Unavailable($"{target} port {port}: {e.Message}");
        }
        catch (Exception e) when (e is OpsKit.SshGuard.Probe.ProbeKeyException or Renci.SshNet.Common.SshPassPhraseNullOrEmptyException)
        {
            throw new OpsKitException($"--key {key}: {e.Message}", ExitCodes.DataError);
        }
        catch (InvalidOperationException e)
        {
            throw OpsKitException.Unavailable($"{target} port {port}: {e.Message}");
        }
        foreach (var r in results)
            parse.Out.WriteLine($"{(r.Skipped ? "SKIP" : r.Pass ? "PASS" : "FAIL")} {r.Name}: {r.Detail}");
        var failed = results.Count(r => !r.Pass);
        parse.Out.WriteLine(failed == 0 ? $"probe: all {results.Count} checks held" : $"probe: {failed} of {results.Count} checks failed");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
