// /etc/opskit/opskit.toml plus opskit.d/*.toml: name order, later wins, arrays of tables add up, every error
// and origin names the file it is in, and "config check" collects every error of every file in one run.
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Testing;

namespace OpsKit.Core.Tests.Config;

public class DropInTests
{
    private static readonly ConfigTable Aoe = new("aoe", "test table",
    [
        ConfigKey.Integer("shelf", 0, "shelf", 0, 65534),
        ConfigKey.String("state_dir", "/var/lib/x", "dir") with { MustExist = ConfigPathKind.Directory },
    ])
    {
        Tables = [new ConfigTable("export", "exports", [ConfigKey.String("alias", "", "alias")]) { Kind = ConfigTableKind.Array }],
    };

    private static readonly ConfigTable Mail = new("mail", "mail", [ConfigKey.String("via", "sendmail", "how"), ConfigKey.String("to", "", "who")])
    {
        Check = s => { if (s.GetString("via") == "pigeon") throw s.Error("via", "pigeons are not supported"); },
    };

    private static readonly IReadOnlyList<ConfigTable> Schemas = [Aoe, Mail];

    private static ConfigRequest Request(TempDir dir, Dictionary<string, string>? env = null) =>
        new(null, false, env ?? []) { DefaultPath = dir.File("opskit.toml") };

    [Fact]
    public void Drop_ins_are_read_after_the_main_file_in_name_order_and_later_wins()
    {
        using var dir = new TempDir();
        dir.Write("opskit.toml", "[aoe]\nshelf = 1\n[[aoe.export]]\nalias = \"main\"\n");
        dir.Write("opskit.d/50-aoe.toml", "[aoe]\nshelf = 5\n[[aoe.export]]\nalias = \"fifty\"\n");
        dir.Write("opskit.d/10-early.toml", "[aoe]\nshelf = 2\n[mail]\nto = \"ops@example.org\"\n");
        dir.Write("opskit.d/README", "not toml: ignored\n");
        var config = OpsKitConfig.Load(Request(dir), Schemas);
        Assert.Equal([dir.File("opskit.toml"), dir.File("opskit.d", "10-early.toml"), dir.File("opskit.d", "50-aoe.toml")], config.Files);
        var aoe = config.Section("aoe");
        Assert.Equal(5, aoe.GetInteger("shelf"));
        Assert.Equal(["main", "fifty"], aoe.Array("export").Select(e => e.GetString("alias")));
        Assert.Equal($"file {dir.File("opskit.d", "50-aoe.toml")}:2:1", aoe.Origin("shelf").ToString());
        Assert.Equal($"file {dir.File("opskit.d", "10-early.toml")}:4:1", config.Section("mail").Origin("to").ToString());
    }

    [Fact]
    public void Drop_ins_are_read_without_a_main_file()
    {
        using var dir = new TempDir();
        dir.Write("opskit.d/50-aoe.toml", "[aoe]\nshelf = 7\n");
        Assert.Equal(7, OpsKitConfig.Load(Request(dir), Schemas).Section("aoe").GetInteger("shelf"));
    }

    [Fact]
    public void An_error_names_the_drop_in_it_is_in()
    {
        using var dir = new TempDir();
        dir.Write("opskit.toml", "[aoe]\nshelf = 1\n");
        dir.Write("opskit.d/20-x.toml", "[aoe]\n\nsheff = 2\n");
        var e = Assert.Throws<OpsKitException>(() => OpsKitConfig.Load(Request(dir), Schemas));
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        Assert.Equal($"{dir.File("opskit.d", "20-x.toml")}:3:1: unknown key 'sheff' in [aoe] (did you mean 'shelf'?)", e.Message);
    }

    [Fact]
    public void A_semantic_error_points_into_the_drop_in_that_set_the_value()
    {
        using var dir = new TempDir();
        dir.Write("opskit.toml", "[mail]\nvia = \"sendmail\"\n");
        dir.Write("opskit.d/90-mail.toml", "\n[mail]\nvia = \"pigeon\"\n");
        var (_, _, errors) = OpsKitConfig.Check(Request(dir), Schemas);
        Assert.Equal([$"{dir.File("opskit.d", "90-mail.toml")}:3:1: [mail] via: pigeons are not supported"], errors);
    }

    [Fact]
    public void Check_reports_every_error_of_every_file_and_the_environment_in_one_run()
    {
        using var dir = new TempDir();
        dir.Write("opskit.toml", "[aoe]\nshelf = 70000\nbogus = 1\n[nosuch]\n");
        dir.Write("opskit.d/10-a.toml", "[mail]\nvai = \"smtp\"\n");
        dir.Write("opskit.d/20-b.toml", "[aoe\n");
        var env = new Dictionary<string, string> { ["OPSKIT_MAIL_VAI"] = "smtp", ["OPSKIT_AOE_SHELF"] = "x", ["OPSKIT_CONFIG_X"] = "1" };
        var (_, files, errors) = OpsKitConfig.Check(Request(dir, env), Schemas);
        Assert.Equal(3, files.Count);
        var main = dir.File("opskit.toml");
        Assert.Contains($"{main}:2:1: [aoe] shelf: 70000 is out of range (0..65534)", errors);
        Assert.Contains($"{main}:3:1: unknown key 'bogus' in [aoe]", errors);
        Assert.Contains(errors, e => e.StartsWith($"{main}:4:1: unknown table [nosuch]", StringComparison.Ordinal));
        Assert.Contains($"{dir.File("opskit.d", "10-a.toml")}:2:1: unknown key 'vai' in [mail] (did you mean 'via'?)", errors);
        Assert.Contains(errors, e => e.StartsWith($"{dir.File("opskit.d", "20-b.toml")}:1:", StringComparison.Ordinal));
        Assert.Contains("environment OPSKIT_AOE_SHELF=x: expected an integer", errors);
        Assert.Contains("environment OPSKIT_MAIL_VAI: no such setting (did you mean 'OPSKIT_MAIL_VIA'?)", errors);
        Assert.Contains(errors, e => e.StartsWith("environment OPSKIT_CONFIG_X: no such setting", StringComparison.Ordinal));
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void Check_looks_for_the_paths_of_an_area_the_config_enables()
    {
        using var dir = new TempDir();
        dir.Write("opskit.toml", "[aoe]\nstate_dir = \"/nonexistent/opskit-state\"\n");
        var (_, _, errors) = OpsKitConfig.Check(Request(dir), Schemas);
        Assert.Equal([$"{dir.File("opskit.toml")}:2:1: [aoe] state_dir: /nonexistent/opskit-state: no such directory"], errors);
        // Without the table the area is not enabled, and its defaults are not looked for.
        dir.Write("opskit.toml", "[mail]\nto = \"root\"\n");
        Assert.Empty(OpsKitConfig.Check(Request(dir), Schemas).Errors);
    }

    [Fact]
    public void An_explicit_file_reads_the_drop_ins_beside_it_and_must_exist()
    {
        using var dir = new TempDir();
        dir.Write("site.toml", "[aoe]\nshelf = 1\n");
        dir.Write("site.d/50.toml", "[aoe]\nshelf = 3\n");
        var config = OpsKitConfig.Load(new ConfigRequest(dir.File("site.toml"), false, new Dictionary<string, string>()), Schemas);
        Assert.Equal(3, config.Section("aoe").GetInteger("shelf"));
        var e = Assert.Throws<OpsKitException>(() => OpsKitConfig.Load(new ConfigRequest(dir.File("missing.toml"), false, new Dictionary<string, string>()), Schemas));
        Assert.Equal($"{dir.File("missing.toml")}: cannot read config: no such file or directory", e.Message);
        var empty = Assert.Throws<OpsKitException>(() => OpsKitConfig.Load(new ConfigRequest("", false, new Dictionary<string, string>()), Schemas));
        Assert.Equal(ExitCodes.Usage, empty.ExitCode);
    }
}
