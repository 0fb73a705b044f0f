// Builds the authorized_keys line that locks a public key to the hook:
// restrict,[from="CIDR",]command="OPSKIT ssh validate [--config F] --policy P [--label L]" KEY.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard.Hook;

/// <summary>What goes into the line.</summary>
/// <param name="PublicKey">The public key line as ssh-keygen writes it ("ssh-ed25519 AAAA... comment").</param>
/// <param name="Program">Absolute path of opskit on the server.</param>
/// <param name="Policy">The --policy argument.</param>
/// <param name="Label">Key label, or null.</param>
/// <param name="From">Client networks for from=, may be empty.</param>
/// <param name="ConfigFile">--config for the hook, or null for the default config.</param>
public sealed record AuthorizeRequest(string PublicKey, string Program, string Policy, string? Label, IReadOnlyList<Cidr> From, string? ConfigFile);

/// <summary>authorized_keys lines.</summary>
public static class AuthorizedKeysLine
{
    private static readonly string[] KeyTypes =
        ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
         "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"];

    /// <summary>Builds the line; throws BadData when the key is not one public key.</summary>
    public static string Build(AuthorizeRequest r)
    {
        var lines = r.PublicKey.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).ToList();
        if (lines.Count != 1) throw OpsKitException.BadData($"expected one public key line, found {lines.Count}");
        var parts = lines[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (lines[0].Contains("PRIVATE KEY", StringComparison.Ordinal)) throw OpsKitException.BadData("this is a private key; give the .pub file");
        if (parts.Length < 2 || !KeyTypes.Contains(parts[0]))
            throw OpsKitException.BadData($"not a public key line (starts with '{ValueRules.Short(parts[0])}'; expected one of {string.Join(", ", KeyTypes)}); options already present?");
        if (!r.Program.StartsWith('/')) throw OpsKitException.Usage($"--program must be an absolute path, got '{r.Program}'");
        // "ssh validate" comes first: the run mode is decided from the leading words.
        List<string> words = [r.Program, "ssh", "validate"];
        if (r.ConfigFile is not null) words.AddRange(["--config", Path.GetFullPath(r.ConfigFile)]);
        words.AddRange(["--policy", r.Policy]);
        if (r.Label is not null) words.AddRange(["--label", r.Label]);
        var command = string.Join(' ', words.Select(ShellQuote.Quote));
        if (command.Contains('"', StringComparison.Ordinal)) throw OpsKitException.Usage("the command may not contain a double quote");
        var options = "restrict";
        if (r.From.Count > 0) options += $",from=\"{string.Join(',', r.From.Select(f => f.Text))}\"";
        options += $",command=\"{command}\"";
        return $"{options} {string.Join(' ', parts)}";
    }
}
