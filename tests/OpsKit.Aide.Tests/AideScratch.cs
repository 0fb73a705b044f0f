// A scratch AIDE setup in a temp folder: a small tree, its own aide.conf, database, log and
// state places, and the matching [aide] settings and opskit.toml. No host path is read.
using OpsKit.Testing;

namespace OpsKit.Aide.Tests;

/// <summary>A scratch tree with its own AIDE config.</summary>
public sealed class AideScratch : IDisposable
{
    private readonly TempDir _dir = new("aide");

    /// <summary>Creates the tree: etc/{a,b,ssh/sshd_config}, bin/{c,d}, var/log/syslog.</summary>
    public AideScratch(string? extraToml = null)
    {
        Write("etc/a", "a\n");
        Write("etc/b", "b\n");
        Write("etc/ssh/sshd_config", "PermitRootLogin no\n");
        Write("bin/c", "c\n");
        Write("bin/d", "d\n");
        Write("var/log/syslog", "log\n");
        // Files: mode, owner, group, size, SHA-256; directories: mode and owner only, so adding
        // a file does not also report its parent (mtime, link count) and the counts stay exact.
        AideConf = _dir.Write("aide.conf", $"""
            F = p+u+g+s+sha256
            D = p+u+g
            {Tree} f F
            {Tree} d D
            """ + "\n");
        Settings = new AideSettings
        {
            ConfigFile = AideConf,
            DatabaseDirectory = _dir.File("db"),
            LogDirectory = _dir.File("log"),
            StateFile = _dir.File("state", "aide.state"),
            CriticalPaths = [Path.Combine(Tree, "etc/ssh")],
            Nice = 0,
            IoNice = "none",
            Timeout = TimeSpan.FromSeconds(60),
        };
        Toml = _dir.Write("opskit.toml", $"""
            [aide]
            config = "{AideConf}"
            database_dir = "{Settings.DatabaseDirectory}"
            log_dir = "{Settings.LogDirectory}"
            state_file = "{Settings.StateFile}"
            critical_paths = ["{Path.Combine(Tree, "etc/ssh")}"]
            timeout = 60
            """ + "\n" + (extraToml ?? ""));
    }

    /// <summary>The temp folder.</summary>
    public TempDir Dir => _dir;

    /// <summary>The tree AIDE watches.</summary>
    public string Tree => _dir.File("tree");

    /// <summary>aide.conf.</summary>
    public string AideConf { get; }

    /// <summary>Settings pointing at the scratch places.</summary>
    public AideSettings Settings { get; }

    /// <summary>opskit.toml with the same [aide].</summary>
    public string Toml { get; }

    /// <summary>A path in the tree.</summary>
    public string P(string relative) => Path.Combine(Tree, relative);

    /// <summary>Writes a file in the tree.</summary>
    public string Write(string relative, string content)
    {
        var path = P(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}
