// Resolves --policy NAME|FILE: a path is read as a standalone file; a name is
// [ssh.policy.NAME] of opskit.toml, else NAME.toml in [ssh] policy_dir.
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Core.Files;

namespace OpsKit.SshGuard.Policy;

/// <summary>Finds and reads the policy a command names.</summary>
public static class PolicyLoader
{
    /// <summary>Loads the policy; <paramref name="requested"/> null means [ssh] default_policy (see PolicyReader.Read for <paramref name="compilePatterns"/>).</summary>
    /// <remarks>Under sshd (<paramref name="forced"/>) a policy file must be named by an absolute path: a relative one
    /// would be read from the account's home, which the key may write to.</remarks>
    public static SshPolicy Load(ConfigSection ssh, string? requested, bool compilePatterns = true, bool forced = false)
    {
        var name = string.IsNullOrEmpty(requested) ? ssh.GetString("default_policy") : requested;
        if (name.Length == 0) throw ssh.Error("default_policy", "no --policy given and no default policy set");
        if (name.Contains('/', StringComparison.Ordinal) || name.EndsWith(".toml", StringComparison.Ordinal))
        {
            if (forced && !name.StartsWith('/')) throw OpsKitException.Config($"policy '{name}' is a relative path; the forced command needs an absolute one");
            return ReadFile(name, compilePatterns);
        }
        foreach (var (entry, section) in ssh.Map("policy"))
        {
            if (entry == name) return PolicyReader.Read(section.Data!, section.SourceFile ?? "(built-in)", name, section.Path, compilePatterns);
        }
        var file = Path.Combine(ssh.GetString("policy_dir"), name + ".toml");
        if (File.Exists(file)) return ReadFile(file, compilePatterns);
        var where = ssh.SourceFile is null ? "no config file was read" : $"{ssh.SourceFile} has no [ssh.policy.{name}]";
        throw OpsKitException.Config($"no policy '{name}': {where} and {file} does not exist");
    }

    /// <summary>Reads a policy file, refusing one that anybody but root or us could have written, through the file
    /// itself or a folder above it (it decides what a key may run).</summary>
    /// <param name="path">The file.</param>
    /// <param name="compilePatterns">See PolicyReader.Read.</param>
    public static SshPolicy ReadFile(string path, bool compilePatterns = true)
    {
        if (File.Exists(path) && PathTrust.Problem(path) is { } why)
            throw OpsKitException.Config($"{path}: policy file not trusted: {why}");
        return PolicyReader.ReadFile(path, compilePatterns);
    }
}
