// The config loader: precedence, unknown keys with did-you-mean, types, ranges, positions.
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Testing;

namespace OpsKit.Core.Tests.Config;

public class ConfigLoaderTests
{
    private static readonly ConfigTable Aoe = new("aoe", "test table",
    [
        ConfigKey.Integer("shelf", 0, "shelf", 0, 65534),
        ConfigKey.Choice("backend", "builtin", "backend", "builtin", "vblade"),
        ConfigKey.Bool("direct", false, "direct"),
        ConfigKey.StringList("allow", "macs"),
    ])
    {
        Tables = [new ConfigTable("export", "exports", [ConfigKey.String("alias", "", "alias"), ConfigKey.Integer("slot", 0, "slot", 0, 254)]) { Kind = ConfigTableKind.Array }],
    };

    private static readonly ConfigTable Ssh = new("ssh", "ssh", [ConfigKey.String("default_policy", "", "p")])
    {
        Tables = [new ConfigTable("policy", "policies", [ConfigKey.StringList("programs", "allowed")]) { Kind = ConfigTableKind.Map }],
    };

    private static readonly IReadOnlyList<ConfigTable> Schemas = [Aoe, Ssh];

    private static OpsKitException Fails(string toml, IReadOnlyDictionary<string, string>? env = null) =>
        Assert.Throws<OpsKitException>(() => OpsKitConfig.FromText(toml, "/etc/opskit/opskit.toml", Schemas, env));

    [Fact]
    public void UnknownKey_IsReportedWithFileLineColumn_AndSuggestion()
    {
        var e = Fails("[aoe]\nshelf = 1\n\n  sheff = 2\n");
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        Assert.Equal("/etc/opskit/opskit.toml:4:3: unknown key 'sheff' in [aoe] (did you mean 'shelf'?)", e.Message);
    }

    [Fact]
    public void UnknownTable_IsReportedWithSuggestion()
    {
        var e = Fails("[aeo]\nshelf = 1\n");
        Assert.Equal("/etc/opskit/opskit.toml:1:1: unknown table [aeo] (did you mean 'aoe'?)", e.Message);
    }

    [Fact]
    public void WrongType_NamesKeyAndTypes()
    {
        var e = Fails("[aoe]\nshelf = \"zero\"\n");
        Assert.Equal("/etc/opskit/opskit.toml:2:1: [aoe] shelf: expected integer, got string", e.Message);
    }

    [Fact]
    public void OutOfRange_IsAnError()
    {
        var e = Fails("[aoe]\nshelf = 65535\n");
        Assert.Contains("[aoe] shelf: 65535 is out of range (0..65534)", e.Message);
    }

    [Fact]
    public void BadChoice_ListsTheAllowedValues()
    {
        var e = Fails("[aoe]\nbackend = \"vblades\"\n");
        Assert.Contains("'vblades' is not one of builtin, vblade (did you mean 'vblade'?)", e.Message);
    }

    [Fact]
    public void TomlSyntaxError_IsAConfigErrorWithPosition()
    {
        var e = Fails("[aoe]\nshelf = = 1\n");
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        Assert.StartsWith("/etc/opskit/opskit.toml:2:", e.Message);
    }

    [Fact]
    public void DuplicateKey_IsAConfigErrorAtTheSecondOne()
    {
        var e = Fails("[aoe]\nshelf = 1\nshelf = 2\n");
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        Assert.StartsWith("/etc/opskit/opskit.toml:3:1: ", e.Message);
        Assert.Contains("shelf", e.Message);
    }

    [Fact]
    public void RedefinedTable_IsAConfigErrorAtTheSecondHeader()
    {
        var e = Fails("[aoe]\nshelf = 1\n\n[aoe]\nbackend = \"vblade\"\n");
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        Assert.StartsWith("/etc/opskit/opskit.toml:4:", e.Message);
    }

    [Fact]
    public void Toml11_MultiLineInlineTablesAreAccepted_AndTheirKeysLocated()
    {
        var config = OpsKitConfig.FromText("aoe = {\n  shelf = 4,\n  direct = true,\n}\n", "f.toml", Schemas);
        var aoe = config.Section("aoe");
        Assert.Equal(4, aoe.GetInteger("shelf"));
        Assert.Equal("file f.toml:3:3", aoe.Origin("direct").ToString());
        var e = Fails("aoe = {\n  shelf = 4,\n  sheff = 5,\n}\n");
        Assert.Equal("/etc/opskit/opskit.toml:3:3: unknown key 'sheff' in [aoe] (did you mean 'shelf'?)", e.Message);
    }

    [Fact]
    public void InvalidUtf8_IsAConfigErrorWithPosition()
    {
        byte[] bytes = [.. "[aoe]\nalias = \"a"u8, 0xC3, .. "\"\n"u8];
        var e = Assert.Throws<OpsKitException>(() => OpsKitConfig.FromBytes(bytes, "f.toml", Schemas));
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        Assert.StartsWith("f.toml:2:11: invalid UTF-8", e.Message);
    }

    [Fact]
    public void UnknownKeyInsideArrayOfTables_NamesTheEntry()
    {
        var e = Fails("[[aoe.export]]\nalias = \"a\"\n[[aoe.export]]\nalais = \"b\"\n");
        Assert.Equal("/etc/opskit/opskit.toml:4:1: unknown key 'alais' in [aoe.export[1]] (did you mean 'alias'?)", e.Message);
    }

    [Fact]
    public void Precedence_DefaultsThenFileThenEnvironment()
    {
        var env = new Dictionary<string, string> { ["OPSKIT_AOE_BACKEND"] = "vblade" };
        var config = OpsKitConfig.FromText("[aoe]\nshelf = 7\nbackend = \"builtin\"\n", "f.toml", Schemas, env);
        var aoe = config.Section("aoe");
        Assert.Equal(7, aoe.GetInteger("shelf"));
        Assert.Equal("file f.toml:2:1", aoe.Origin("shelf").ToString());
        Assert.Equal("vblade", aoe.GetString("backend"));
        Assert.Equal("env OPSKIT_AOE_BACKEND", aoe.Origin("backend").ToString());
        Assert.False(aoe.GetBool("direct"));
        Assert.Equal("default", aoe.Origin("direct").ToString());
    }

    [Fact]
    public void BadEnvironmentOverride_FailsBeforeAnyWork()
    {
        var env = new Dictionary<string, string> { ["OPSKIT_AOE_SHELF"] = "many" };
        var e = Assert.Throws<OpsKitException>(() => OpsKitConfig.Defaults(Schemas, env));
        Assert.Equal("environment OPSKIT_AOE_SHELF=many: expected an integer", e.Message);
    }

    [Fact]
    public void ArraysAndMapsOfTables_AreBoundInFileOrder()
    {
        var config = OpsKitConfig.FromText(
            "[[aoe.export]]\nalias = \"apollo\"\nslot = 1\n[[aoe.export]]\nalias = \"zeus\"\n[ssh.policy.backup]\nprograms = [\"/usr/bin/rsync\"]\n",
            "f.toml", Schemas);
        var exports = config.Section("aoe").Array("export");
        Assert.Equal(["apollo", "zeus"], exports.Select(e => e.GetString("alias")));
        Assert.Equal(0, exports[1].GetInteger("slot"));
        var policies = config.Section("ssh").Map("policy");
        Assert.Equal("backup", Assert.Single(policies).Key);
        Assert.Equal(["/usr/bin/rsync"], policies[0].Value.GetStringList("programs"));
    }

    [Fact]
    public void SectionError_PointsAtTheKey()
    {
        var config = OpsKitConfig.FromText("[[aoe.export]]\nalias = \"a\"\nslot = 3\n", "f.toml", Schemas);
        var e = config.Section("aoe").Array("export")[0].Error("slot", "slot 3 is used twice");
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        Assert.Equal("f.toml:3:1: [aoe.export[0]] slot: slot 3 is used twice", e.Message);
    }

    [Fact]
    public void Load_ExplicitPathWins_AndMissingFileIsAConfigError()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.toml", "[aoe]\nshelf = 3\n");
        var env = new Dictionary<string, string> { ["OPSKIT_CONFIG"] = dir.File("missing.toml") };
        var config = OpsKitConfig.Load(new ConfigRequest(good, false, env), Schemas);
        Assert.Equal(good, config.SourceFile);
        var e = Assert.Throws<OpsKitException>(() => OpsKitConfig.Load(new ConfigRequest(null, false, env), Schemas));
        Assert.Equal(ExitCodes.Config, e.ExitCode);
        Assert.Contains("missing.toml: cannot read config", e.Message);
    }

    [Fact]
    public void Load_NoConfigIgnoresEveryFile()
    {
        var env = new Dictionary<string, string> { ["OPSKIT_CONFIG"] = "/nonexistent.toml" };
        var config = OpsKitConfig.Load(new ConfigRequest("/also-missing.toml", true, env), Schemas);
        Assert.Null(config.SourceFile);
        Assert.Equal(0, config.Section("aoe").GetInteger("shelf"));
    }

    [Fact]
    public void Load_DefaultPathIsOptional()
    {
        var config = OpsKitConfig.Load(new ConfigRequest(null, false, new Dictionary<string, string>()) { DefaultPath = "/nonexistent/opskit.toml" }, Schemas);
        Assert.Null(config.SourceFile);
    }

    [Fact]
    public void Report_ListsEveryKeyWithItsOrigin()
    {
        var config = OpsKitConfig.FromText("[aoe]\nshelf = 2\n[[aoe.export]]\nalias = \"a\"\n", "f.toml", Schemas);
        var rows = ConfigReport.Rows(config);
        Assert.Contains(rows, r => r.Key == "aoe.shelf" && r.Value == "2" && r.Origin.Kind == "file");
        Assert.Contains(rows, r => r.Key == "aoe.backend" && r.Value == "\"builtin\"" && r.Origin.Kind == "default");
        Assert.Contains(rows, r => r.Key == "aoe.export[0].alias" && r.Value == "\"a\"");
        Assert.Contains(rows, r => r.Key == "aoe.allow" && r.Value == "[]");
    }
}
