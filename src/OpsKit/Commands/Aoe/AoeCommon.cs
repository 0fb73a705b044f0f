// Helpers shared by the aoe verbs: target addresses, sizes, opening a client with a clear error.
using System.CommandLine;
using System.Globalization;
using OpsKit.Aoe.Client;
using OpsKit.Aoe.Exports;
using OpsKit.Aoe.Target;
using OpsKit.Core;

namespace OpsKit.Commands.Aoe;

/// <summary>Small helpers for the aoe commands.</summary>
internal static class AoeCommon
{
    /// <summary>Opens a client; a missing interface or socket permission becomes a clear error.</summary>
    public static AoeClient OpenClient(string iface)
    {
        try { return new AoeClient(iface); }
        catch (IOException e) { throw OpsKitException.Unavailable(e.Message); }
    }

    /// <summary>The optional ALIAS... argument of start/stop/restart/status.</summary>
    public static Argument<string[]> Aliases() => new("ALIAS") { Description = "Export aliases. [default: all]", Arity = ArgumentArity.ZeroOrMore };

    /// <summary>The export manager of the configured backend over the config's table.</summary>
    public static IExportManager Manager(CommandHost host)
    {
        var settings = AoeSettings.Bind(host.Config.Section("aoe"));
        if (settings.Exports.Count == 0)
            throw OpsKitException.Usage($"no [[aoe.export]] tables in {host.Config.SourceFile ?? "the config (none read)"}");
        var log = host.Logger("aoe");
        return settings.Backend == "vblade" ? new VbladeManager(settings, log) : new ExportManager(settings, new DaemonControl(settings.RunDir), log);
    }

    /// <summary>This executable (what the daemon is started as).</summary>
    public static string OpskitPath() => Environment.ProcessPath ?? "opskit";

    /// <summary>The start line the vbladectl script printed.</summary>
    public static string StartedLine(ExportSpec e, int pid) =>
        $"started vbladed for {e.Alias} (pid:{pid} file:{e.File} iface:{e.Interface} mac:{(e.Allow.Count > 0 ? string.Join(',', e.Allow.Select(m => m.ToString().ToUpperInvariant())) : "any")})";

    /// <summary>Parses "0.1" or "e0.1".</summary>
    public static (ushort Shelf, byte Slot) ParseTarget(string text)
    {
        var t = text.StartsWith('e') ? text[1..] : text;
        var dot = t.IndexOf('.');
        if (dot > 0 && ushort.TryParse(t[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var shelf) && shelf != 0xFFFF
            && byte.TryParse(t[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && slot != 0xFF)
            return (shelf, slot);
        throw OpsKitException.Usage($"bad target '{text}': want SHELF.SLOT such as 0.1 (shelf 0-65534, slot 0-254)");
    }

    /// <summary>Human size.</summary>
    public static string Size(ulong bytes) => bytes switch
    {
        >= 1UL << 40 => FormattableString.Invariant($"{bytes / (double)(1UL << 40):F1}T"),
        >= 1UL << 30 => FormattableString.Invariant($"{bytes / (double)(1UL << 30):F1}G"),
        >= 1UL << 20 => FormattableString.Invariant($"{bytes / (double)(1UL << 20):F1}M"),
        _ => bytes.ToString(CultureInfo.InvariantCulture),
    };
}
