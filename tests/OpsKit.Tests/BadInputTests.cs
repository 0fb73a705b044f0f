// What a new user meets when they get it wrong: about sixty bad inputs across every area, each run through the
// built binary. Each must exit with the code of the table (never 70, the code of a bug) and print one line on
// stderr, "opskit: <what>: <why>", with no .NET resource key, type name or stack trace in it.
using System.Text.RegularExpressions;
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Tests;

public sealed class BadInputFixture : IDisposable
{
    public BadInputFixture()
    {
        Dir = new TempDir("opskit-badinput");
        File.SetUnixFileMode(Dir.Path, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Dir.File("dir"));
        var mk = new ProcessRunner().RunAsync(new CommandSpec("mkfifo", Dir.File("fifo"))).GetAwaiter().GetResult();
        Assert.True(mk.ExitCode == 0, mk.StandardError);
        // Binary input: an ELF-like header, a NUL, bytes that are not UTF-8.
        File.WriteAllBytes(Dir.File("bin.dat"), [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0xff, 0xfe, 0xd0, 0x0a, 0xc3, 0x28, 0x0a]);
        Dir.Write("tz.toml", "[snapshot]\ntz = \"Ünïcødé/Zone\"\n");
        Dir.Write("typo.toml", "[raid]\ntimeuot = 5\n");
        Dir.Write("huge.toml", "[raid]\ntimeout = 99999999999999999999\n");
        Dir.Write("negative.toml", "[raid]\ntimeout = -5\n");
        Dir.Write("secret.toml", "[raid]\ntimeout = 5\n");
        File.SetUnixFileMode(Dir.File("secret.toml"), UnixFileMode.None);
        Dir.Write("vb.conf", "SHELF=\"1\"\n");
        Dir.Write("image.img", new string('x', 4096));
    }

    public TempDir Dir { get; }

    public void Dispose() => Dir.Dispose();
}

public class BadInputTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    /// <summary>One bad input: what is run, the exit code the table gives it, a phrase the message must hold.</summary>
    public sealed record Case(string Area, string Name, string[] Args, int Exit, string Says, Dictionary<string, string?>? Env = null, string? Program = null);

    private static readonly Dictionary<string, string?> NoMail = new() { ["OPSKIT_MAIL_TO"] = null };

    /// <summary>The table. D is the fixture directory.</summary>
    public static IReadOnlyList<Case> Table(string d) =>
    [
        // config: the file, its name, its contents, the environment.
        new("config", "empty --config", ["--config", "", "config", "check"], ExitCodes.Usage, "--config: empty file name"),
        new("config", "missing file", ["--config", "/nonexistent/opskit.toml", "config", "check"], ExitCodes.Config, "/nonexistent/opskit.toml: cannot read config: no such file or directory"),
        new("config", "a directory", ["--config", $"{d}/dir", "config", "check"], ExitCodes.Config, "is a directory, not a file"),
        new("config", "a FIFO (must not hang)", ["--config", $"{d}/fifo", "config", "check"], ExitCodes.Config, "is a FIFO, not a regular file"),
        new("config", "binary file", ["--config", $"{d}/bin.dat", "config", "check"], ExitCodes.Config, "invalid UTF-8"),
        new("config", "unknown key with did-you-mean", ["--config", $"{d}/typo.toml", "config", "check"], ExitCodes.Config, "typo.toml:2:1: unknown key 'timeuot' in [raid] (did you mean 'timeout'?)"),
        new("config", "integer too large for TOML", ["--config", $"{d}/huge.toml", "config", "check"], ExitCodes.Config, "huge.toml:2:"),
        new("config", "negative number", ["--config", $"{d}/negative.toml", "config", "check"], ExitCodes.Config, "[raid] timeout: -5 is out of range"),
        new("config", "time zone that does not exist", ["--config", $"{d}/tz.toml", "config", "check"], ExitCodes.Config, "tz.toml:2:1: [snapshot] tz: unknown time zone 'Ünïcødé/Zone'"),
        new("config", "misspelt environment variable", ["--no-config", "config", "check"], ExitCodes.Config, "OPSKIT_MAIL_VAI: no such setting (did you mean 'OPSKIT_MAIL_VIA'?)", new() { ["OPSKIT_MAIL_VAI"] = "smtp" }),
        new("config", "bad environment value", ["--no-config", "config", "check"], ExitCodes.Config, "OPSKIT_LOG_SYSLOG=maybe", new() { ["OPSKIT_LOG_SYSLOG"] = "maybe" }),
        new("config", "non-UTF-8 file name", ["-c", "exec \"$0\" --config \"$(printf '/tmp/opskit-\\377.toml')\" config check", RepoPaths.OpskitBinary], ExitCodes.Config, "cannot read config: no such file or directory", Program: "/bin/sh"),
        new("config", "bad config fails any command", ["--config", $"{d}/dir", "raid", "detect"], ExitCodes.Config, "is a directory, not a file"),
        new("config", "-c is --config everywhere", ["iowait", "top", "-c", "/nonexistent/x.toml"], ExitCodes.Config, "/nonexistent/x.toml: cannot read config"),
        new("config", "unreadable file", ["-u", "nobody", "--", RepoPaths.OpskitBinary, "--config", $"{d}/secret.toml", "config", "check"], ExitCodes.Config, "secret.toml: cannot read config: permission denied", Program: "runuser"),
        // aoe
        new("aoe", "import a missing file", ["--no-config", "aoe", "import", "/nonexistent/vbladed.conf"], ExitCodes.NoInput, "/nonexistent/vbladed.conf: no such file or directory"),
        new("aoe", "import a directory", ["--no-config", "aoe", "import", $"{d}/dir"], ExitCodes.NoInput, "is a directory, not a file"),
        new("aoe", "import binary input", ["--no-config", "aoe", "import", $"{d}/bin.dat"], ExitCodes.DataError, "not a text file"),
        new("aoe", "import a FIFO", ["--no-config", "aoe", "import", $"{d}/fifo"], ExitCodes.NoInput, "is a FIFO, not a regular file"),
        new("aoe", "import into a directory", ["--no-config", "aoe", "import", $"{d}/vb.conf", "-o", $"{d}/dir"], ExitCodes.NoInput, "is a directory, not a file"),
        new("aoe", "huge shelf", ["--no-config", "aoe", "serve", "-i", "lo", "--shelf", "70000", $"{d}/image.img"], ExitCodes.Usage, "--shelf 70000: must be 0-65534"),
        new("aoe", "negative shelf", ["--no-config", "aoe", "serve", "-i", "lo", "--shelf", "-1", $"{d}/image.img"], ExitCodes.Usage, "--shelf -1: must be 0-65534"),
        new("aoe", "too many threads", ["--no-config", "aoe", "serve", "-i", "lo", "--threads", "65", $"{d}/image.img"], ExitCodes.Usage, "--threads 65: must be 0-64"),
        new("aoe", "serve a missing file", ["--no-config", "aoe", "serve", "-i", "lo", "/nonexistent/disk.img"], ExitCodes.NoInput, "/nonexistent/disk.img: no such file or directory"),
        new("aoe", "serve on a missing interface (printed once)", ["--no-config", "aoe", "serve", "-i", "nosuch0", $"{d}/image.img"], ExitCodes.Unavailable, "network interface 'nosuch0' does not exist"),
        // raid
        new("raid", "negative timeout", ["--no-config", "raid", "check", "--timeout", "-1"], ExitCodes.Usage, "--timeout: -1 is not a positive number"),
        new("raid", "huge timeout", ["--no-config", "raid", "check", "--timeout", "99999999999"], ExitCodes.Usage, "--timeout: '99999999999' is not a whole number"),
        new("raid", "unknown format", ["--no-config", "raid", "check", "--format", "bogus"], ExitCodes.Usage, "--format: 'bogus' is not one of"),
        new("raid", "unknown backend (one line)", ["--no-config", "raid", "check", "--backend", "storclj"], ExitCodes.Usage, "--backend: 'storclj' is not one of mdstat, storcli, megacli"),
        new("raid", "replay a missing bundle", ["--no-config", "raid", "check", "--replay", "/nonexistent/bundle"], ExitCodes.NoInput, "/nonexistent/bundle: no such directory"),
        // ssh
        new("ssh", "missing policy file", ["--no-config", "ssh", "test", "--policy", "/nonexistent/p.toml", "--", "ls"], ExitCodes.Config, "/nonexistent/p.toml: cannot read policy: no such file or directory"),
        new("ssh", "policy is a directory", ["--no-config", "ssh", "test", "--policy", $"{d}/dir/", "--", "ls"], ExitCodes.Config, "is a directory, not a file"),
        new("ssh", "binary policy", ["--no-config", "ssh", "test", "--policy", $"{d}/bin.dat", "--", "ls"], ExitCodes.Config, "invalid UTF-8"),
        new("ssh", "validate without a policy (printed once)", ["--no-config", "ssh", "validate"], ExitCodes.Config, "no --policy given"),
        new("ssh", "probe without user@host", ["--no-config", "ssh", "probe", "nohost", "--key", "/nonexistent"], ExitCodes.Usage, "give the account and the server as USER@HOST"),
        // snapshot
        new("snapshot", "list a missing root", ["--no-config", "snapshot", "list", "/nonexistent/snaps"], ExitCodes.NoInput, "snapshot root /nonexistent/snaps does not exist"),
        new("snapshot", "negative keep", ["--no-config", "snapshot", "rotate", "--root", $"{d}/dir", "--keep", "-3"], ExitCodes.Usage, "--keep must not be negative"),
        new("snapshot", "huge keep", ["--no-config", "snapshot", "rotate", "--root", $"{d}/dir", "--keep", "99999999999"], ExitCodes.Usage, "--keep: '99999999999' is not a whole number"),
        new("snapshot", "unicode time zone", ["--no-config", "snapshot", "rotate", "--root", $"{d}/dir", "--tz", "Ünïcødé/Zone", "--keep", "2"], ExitCodes.Usage, "unknown time zone 'Ünïcødé/Zone'"),
        new("snapshot", "create from a missing source", ["--no-config", "snapshot", "create", "--source", "/nonexistent/src", "--dest", $"{d}/dir"], ExitCodes.DataError, "/nonexistent/src is not a directory"),
        // rpm
        new("rpm", "spec of a missing tarball", ["--no-config", "rpm", "spec", "/nonexistent/hello-1.0.tar.gz"], ExitCodes.NoInput, "no such file or directory"),
        new("rpm", "spec of binary input", ["--no-config", "rpm", "spec", $"{d}/bin.dat"], ExitCodes.DataError, "not a source archive"),
        new("rpm", "build a missing spec", ["--no-config", "rpm", "build", "/nonexistent/hello.spec"], ExitCodes.NoInput, "/nonexistent/hello.spec: no such file or directory"),
        new("rpm", "build a directory", ["--no-config", "rpm", "build", $"{d}/dir"], ExitCodes.NoInput, "is a directory, not a file"),
        // iowait
        new("iowait", "summary of a missing log", ["--no-config", "iowait", "summary", "/nonexistent/kern.log"], ExitCodes.NoInput, "/nonexistent/kern.log: no such file or directory"),
        new("iowait", "summary of a directory", ["--no-config", "iowait", "summary", $"{d}/dir"], ExitCodes.NoInput, "is a directory, not a file"),
        new("iowait", "summary of a FIFO (must not hang)", ["--no-config", "iowait", "summary", $"{d}/fifo"], ExitCodes.NoInput, "give it on stdin instead"),
        new("iowait", "unknown option after the file", ["--no-config", "iowait", "summary", $"{d}/bin.dat", "--fromat", "json"], ExitCodes.Usage, "unknown option '--fromat'"),
        new("iowait", "zero interval", ["--no-config", "iowait", "top", "--interval", "0"], ExitCodes.Usage, "--interval must be between"),
        new("iowait", "huge top", ["--no-config", "iowait", "summary", "--top", "99999999999"], ExitCodes.Usage, "--top: '99999999999' is not a whole number"),
        new("iowait", "negative capture time", ["--no-config", "iowait", "capture", "--seconds", "-5"], ExitCodes.Usage, "--seconds must be between"),
        // hwerr
        new("hwerr", "missing kernel log", ["--no-config", "hwerr", "check", "--log", "/nonexistent/kern.log"], ExitCodes.NoInput, "no such kernel log file"),
        new("hwerr", "kernel log is a directory", ["--no-config", "hwerr", "check", "--log", $"{d}/dir"], ExitCodes.NoInput, "is a directory, not a file"),
        new("hwerr", "kernel log is a FIFO (must not hang)", ["--no-config", "hwerr", "check", "--log", $"{d}/fifo"], ExitCodes.NoInput, "is a FIFO, not a regular file"),
        new("hwerr", "unknown format", ["--no-config", "hwerr", "check", "--format", "bogus"], ExitCodes.Usage, "--format: 'bogus' is not one of"),
        // aide
        new("aide", "unknown format", ["--no-config", "aide", "check", "--format", "bogus"], ExitCodes.Usage, "--format: 'bogus' is not one of"),
        new("aide", "negative max age", ["--no-config", "aide", "rotate", "--max-age", "-1"], ExitCodes.Usage, "--max-age -1: must be at least 1 day"),
        // mail
        new("mail", "server that refuses (printed once)", ["--no-config", "mail", "test"], ExitCodes.Unavailable, "SMTP 127.0.0.1:1: cannot connect",
            new() { ["OPSKIT_MAIL_TO"] = "root@localhost", ["OPSKIT_MAIL_VIA"] = "smtp", ["OPSKIT_MAIL_SMTP_HOST"] = "127.0.0.1", ["OPSKIT_MAIL_SMTP_PORT"] = "1" }),
        new("mail", "not an address", ["--no-config", "mail", "test", "--to", "not an address"], ExitCodes.Usage, "--to: 'not an address' is not a mail address"),
        // generate
        new("generate", "unknown target (one line)", ["generate", "mna"], ExitCodes.Usage, "<what>: 'mna' is not one of man, bash, zsh, fish, example (did you mean 'man'?)"),
        new("generate", "output into a file", ["generate", "man", "-o", $"{d}/bin.dat"], ExitCodes.IoError, "bin.dat"),
        // the parser itself
        new("parser", "unknown command with did-you-mean", ["raid", "chek"], ExitCodes.Usage, "unknown command 'chek' for 'opskit raid' (did you mean 'check'?)"),
        new("parser", "unknown option", ["--no-config", "aoe", "list", "--jsn"], ExitCodes.Usage, "unknown option '--jsn'"),
    ];

    public static TheoryData<string, string> Names()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Table("/d")) data.Add(c.Area, c.Name);
        return data;
    }

    [Fact]
    public void The_table_covers_every_area_with_at_least_forty_cases()
    {
        var table = Table("/d");
        Assert.True(table.Count >= 40, $"{table.Count} cases");
        foreach (var area in new[] { "aoe", "raid", "ssh", "snapshot", "rpm", "iowait", "hwerr", "aide", "config", "mail", "generate" })
            Assert.Contains(table, c => c.Area == area);
        Assert.DoesNotContain(table, c => c.Exit == ExitCodes.Internal);
        Assert.Equal(table.Count, table.Select(c => c.Area + c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input_gives_one_readable_line_and_the_tables_exit_code(string area, string name)
    {
        var c = Table(fixture.Dir.Path).Single(x => x.Area == area && x.Name == name);
        if (c.Program == "runuser" && PathTrustEuid() != 0) return; // only root can become nobody; the others still run
        var env = new Dictionary<string, string?>(NoMail);
        if (c.Env is not null) foreach (var (k, v) in c.Env) env[k] = v;
        var r = OpskitProcess.Run(c.Args, env, timeout: TimeSpan.FromSeconds(30), program: c.Program, workingDirectory: fixture.Dir.Path);
        var err = r.StandardError.TrimEnd('\n');
        Assert.False(r.TimedOut, $"{area}/{name}: hung");
        Assert.True(r.ExitCode == c.Exit, $"{area}/{name}: exit {r.ExitCode}, expected {c.Exit}; stderr: {err}");
        var lines = err.Split('\n');
        // A parse error adds the standard pointer to --help; that is the only second line allowed.
        var own = lines.Where(l => l != "Try 'opskit --help' for more information.").ToList();
        Assert.True(own.Count == 1, $"{area}/{name}: expected one line, got:\n{err}");
        var line = own[0];
        Assert.StartsWith("opskit: ", line);
        Assert.Contains(c.Says, line);
        AssertReadable(line, $"{area}/{name}");
    }

    /// <summary>No resource key (IO_FileNotFound_FileName), no .NET type name, no stack frame.</summary>
    internal static void AssertReadable(string text, string what)
    {
        var keys = Regex.Matches(text, @"\b[A-Z][A-Za-z]*_[A-Z][A-Za-z_]*\b").Where(m => m.Value.Any(char.IsLower)).Select(m => m.Value).ToList();
        Assert.True(keys.Count == 0, $"{what}: resource key {string.Join(", ", keys)} in: {text}");
        foreach (var bad in new[] { "System.", "Nullable`", "Exception", "   at ", "Microsoft." })
            Assert.False(text.Contains(bad, StringComparison.Ordinal), $"{what}: '{bad}' in: {text}");
    }

    private static uint PathTrustEuid() => OpsKit.Core.Files.PathTrust.EffectiveUid;

    [Fact]
    public void Binary_input_to_the_toml_decoder_is_one_error_line()
    {
        var r = OpskitProcess.Run(["config", "toml-decode"], stdin: "a = \"\u0001\"\n");
        Assert.Equal(ExitCodes.Failed, r.ExitCode);
        Assert.Single(r.StandardError.TrimEnd('\n').Split('\n'));
        AssertReadable(r.StandardError, "toml-decode");
    }
}
