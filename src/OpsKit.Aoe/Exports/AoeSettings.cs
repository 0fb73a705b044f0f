// The [aoe] table and its [[aoe.export]] entries: declaration, binding and the checks that need more than types.
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;
using OpsKit.Aoe.Target;
using OpsKit.Core.Config;

namespace OpsKit.Aoe.Exports;

/// <summary>The export table and daemon settings.</summary>
/// <param name="Backend">"builtin" (one process) or "vblade" (one vblade per export).</param>
/// <param name="StateDir">Where per-export protocol state is kept.</param>
/// <param name="RunDir">Where pid files and the status file live.</param>
/// <param name="Exports">The exports.</param>
public sealed record AoeSettings(string Backend, string StateDir, string RunDir, IReadOnlyList<ExportSpec> Exports)
{
    /// <summary>Receive threads per interface of the builtin target (0: one per core, at most 4).</summary>
    public int Threads { get; init; }

    /// <summary>Declaration of [aoe] and [[aoe.export]].</summary>
    public static ConfigTable Schema { get; } = new("aoe", "ATA-over-Ethernet exports served by 'opskit aoe serve' (built-in target) or by vblade.",
    [
        ConfigKey.Integer("shelf", 0, "AoE shelf (major) of every export; 0xFFFF is the broadcast address and not allowed.", 0, 65534),
        ConfigKey.Choice("backend", "builtin", "builtin: one opskit process serves all exports; vblade: one vblade process per export.", "builtin", "vblade"),
        ConfigKey.String("interface", "", "Default network interface of exports that name none."),
        ConfigKey.Integer("buffers", 64, "Default Buffer Count advertised per export (outstanding requests queued).", 1, 4096),
        ConfigKey.String("state_dir", "/var/lib/opskit/aoe", "Directory for per-export state (config string, Mac Mask and reserve lists)."),
        ConfigKey.String("run_dir", "/run/opskit/aoe", "Directory for pid files and the daemon's status file."),
        ConfigKey.Integer("threads", 0, "Receive threads per interface (builtin backend); frames are spread by shelf.slot (PACKET_FANOUT), so one export's requests stay on one thread in order. 0 = one per core, at most 4.", 0, 64),
        ConfigKey.String("classic_table", "", "Also serve the exports of a classic vbladed.conf table (e.g. /etc/vbladed.conf; its SHELF must equal shelf)."),
    ])
    {
        Tables =
        [
            new ConfigTable("export", "One exported file or block device.",
            [
                ConfigKey.String("alias", "", "Unique name of the export (start/stop/status use it)."),
                ConfigKey.Integer("slot", -1, "AoE slot (minor), 0-254, unique per shelf.", -1, 254),
                ConfigKey.String("file", "", "Image file or block device."),
                ConfigKey.String("interface", "", "Network interface (default: [aoe] interface)."),
                ConfigKey.StringList("allow", "MAC addresses allowed to use the export; empty allows any."),
                ConfigKey.Bool("read_only", false, "Refuse writes (ATA ABRT)."),
                ConfigKey.Integer("offset", 0, "Bytes skipped at the start of the file (multiple of 512).", 0),
                ConfigKey.Integer("length", 0, "Bytes exported from offset (multiple of 512; 0 = to the end).", 0),
                ConfigKey.Bool("direct", false, "Open with O_DIRECT (bypass the page cache)."),
                ConfigKey.Bool("sync", false, "Open with O_SYNC (writes durable before they are acknowledged)."),
                ConfigKey.Integer("buffers", 0, "Buffer Count advertised (0 = [aoe] buffers).", 0, 4096),
            ]) { Kind = ConfigTableKind.Array },
        ],
    };

    /// <summary>Binds and validates; throws an OpsKitException (exit 78) naming FILE:LINE:COL.</summary>
    /// <param name="aoe">The [aoe] section.</param>
    /// <param name="checkHost">Also check that files and interfaces exist (off for pure parsing tests).</param>
    public static AoeSettings Bind(ConfigSection aoe, bool checkHost = true)
    {
        var shelf = (ushort)aoe.GetInteger("shelf");
        var defIface = aoe.GetString("interface");
        var defBuffers = aoe.GetInt32("buffers");
        var aliases = new HashSet<string>();
        var slots = new HashSet<int>();
        var exports = new List<ExportSpec>();
        foreach (var e in aoe.Array("export"))
        {
            var alias = e.GetString("alias");
            if (alias.Length == 0) throw e.Error("alias", "missing (every export needs a unique alias)");
            if (alias.Any(c => char.IsWhiteSpace(c) || c == '/')) throw e.Error("alias", $"'{alias}' may not contain spaces or '/'");
            if (!aliases.Add(alias)) throw e.Error("alias", $"duplicate alias '{alias}'");
            var slot = e.GetInteger("slot");
            if (slot < 0) throw e.Error("slot", "missing (0-254)");
            if (!slots.Add((int)slot)) throw e.Error("slot", $"duplicate slot {slot} on shelf {shelf}");
            var file = e.GetString("file");
            if (file.Length == 0) throw e.Error("file", "missing");
            if (checkHost && !File.Exists(file)) throw e.Error("file", $"'{file}' does not exist");
            var iface = e.IsSet("interface") ? e.GetString("interface") : defIface;
            if (iface.Length == 0) throw e.Error("interface", "missing (set it here or in [aoe])");
            if (checkHost && !NetInterface.Exists(iface)) throw e.Error("interface", $"network interface '{iface}' does not exist");
            var allow = new List<MacAddress>();
            foreach (var m in e.GetStringList("allow"))
                allow.Add(MacAddress.TryParse(m, out var mac) ? mac
                    : throw e.Error("allow", $"malformed MAC address '{m}' (want six hex pairs like 00:16:e6:d3:ed:e5)"));
            var offset = e.GetInteger("offset");
            var length = e.GetInteger("length");
            if (offset % 512 != 0) throw e.Error("offset", $"{offset} is not a multiple of 512");
            if (length % 512 != 0) throw e.Error("length", $"{length} is not a multiple of 512");
            var buffers = e.GetInt32("buffers");
            exports.Add(new ExportSpec(alias, shelf, (byte)slot, file, iface)
            {
                Store = new StoreOptions(e.GetBool("read_only"), offset, length, e.GetBool("direct"), e.GetBool("sync")),
                Allow = allow,
                Buffers = buffers > 0 ? buffers : defBuffers,
            });
        }
        var classic = aoe.GetString("classic_table");
        if (classic.Length > 0)
        {
            VbladedConf table;
            try { table = VbladedConf.Load(classic); }
            catch (Core.OpsKitException e) { throw aoe.Error("classic_table", e.Message); }
            if (table.Shelf != shelf) throw aoe.Error("classic_table", $"{classic} has SHELF=\"{table.Shelf}\" but [aoe] shelf is {shelf}");
            foreach (var c in table.Exports)
            {
                if (!aliases.Add(c.Alias)) throw aoe.Error("classic_table", $"{classic}:{c.Line}: duplicate alias '{c.Alias}'");
                if (!slots.Add(c.Slot)) throw aoe.Error("classic_table", $"{classic}:{c.Line}: duplicate slot {c.Slot}");
                if (checkHost && !File.Exists(c.File)) throw aoe.Error("classic_table", $"{classic}:{c.Line}: '{c.File}' does not exist");
                if (checkHost && !NetInterface.Exists(c.Interface)) throw aoe.Error("classic_table", $"{classic}:{c.Line}: network interface '{c.Interface}' does not exist");
                exports.Add(new ExportSpec(c.Alias, shelf, (byte)c.Slot, c.File, c.Interface)
                {
                    Allow = c.Mac is { } m ? [m] : [],
                    Buffers = defBuffers,
                });
            }
        }
        return new AoeSettings(aoe.GetString("backend"), aoe.GetString("state_dir"), aoe.GetString("run_dir"), exports)
        {
            Threads = aoe.GetInt32("threads"),
        };
    }
}
