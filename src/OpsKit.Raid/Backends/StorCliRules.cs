// Verdicts for storcli/perccli controllers.
// Every controller and every VD is judged: the controller summary can say Optimal while
// a VD is OfLn. A Dgrd/Pdgd VD is CRITICAL even while a member rebuilds (redundancy is
// gone; the rebuilding drive itself shows the resync state), as MegaCli's LD rule does.
using System.Globalization;
using System.Text.RegularExpressions;
using OpsKit.Core;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Backends;

/// <summary>storcli verdict rules.</summary>
internal static partial class StorCliRules
{
    private static readonly HashSet<string> s_goodDisk = ["Onln", "GHS", "DHS", "UGood", "JBOD"];
    private static readonly HashSet<string> s_goodBbuCodes = ["0", "8", "4096", "NA", "N/A", "-"];

    [GeneratedRegex(@"^\d*:\d+$")]
    private static partial Regex SlotId();

    [GeneratedRegex(@"^\d+/\d+$")]
    private static partial Regex VdId();

    public static RaidController Judge(StorCliData d, RaidPolicy policy)
    {
        var c = new RaidController(d.Id, d.Model);
        c.Add(ControllerItem(d));
        foreach (var vd in d.VirtualDrives) { if (VirtualDrive(vd, policy) is { } item) c.Add(item); }
        foreach (var pd in d.PhysicalDrives) c.Add(PhysicalDrive(pd, d, policy));
        foreach (var b in d.Batteries) c.Add(Battery(b, policy));
        if (d.BbuStatus is { } code && !s_goodBbuCodes.Contains(code))
            c.Note(CheckStatus.Warning, $"BBU Status code {code} (0, 8 and 4096 are good)");
        if (d.DeclaredVirtualDrives is { } vds && vds > d.VirtualDrives.Count)
            c.Note(CheckStatus.Unknown, $"'Virtual Drives = {vds}' but {d.VirtualDrives.Count} listed (truncated output?)");
        if (d.DeclaredPhysicalDrives is { } pds && pds > d.PhysicalDrives.Count)
            c.Note(CheckStatus.Unknown, $"'Physical Drives = {pds}' but {d.PhysicalDrives.Count} listed (truncated output?)");
        // Drive groups announced but no VD listed: the output stopped early (a crash, a cut-off capture).
        if (d.DeclaredDriveGroups is > 0 && d.VirtualDrives.Count == 0)
            c.Note(CheckStatus.Unknown, $"'Drive Groups = {d.DeclaredDriveGroups}' but no VD LIST (truncated output?)");
        if (d.VirtualDrives.Count == 0 && d.PhysicalDrives.Count == 0) c.Note(CheckStatus.Ok, "no arrays or drives on this controller");
        return c;
    }

    private static RaidItem ControllerItem(StorCliData d)
    {
        var s = d.ControllerStatus ?? "?";
        var status = s switch
        {
            "Optimal" or "OK" => CheckStatus.Ok,
            "Needs Attention" => CheckStatus.Warning,
            "?" => CheckStatus.Unknown,
            _ => CheckStatus.Critical,
        };
        var reason = status switch
        {
            CheckStatus.Ok => null,
            CheckStatus.Unknown => "no 'Controller Status' in the output",
            _ => $"controller status {s}",
        };
        return new RaidItem(RaidItemKind.Controller, $"c{d.Id}", s, status) { Reason = reason };
    }

    private static RaidItem? VirtualDrive(StorCliRow vd, RaidPolicy policy)
    {
        if (vd.State == "Cac") return null; // CacheCade: an SSD cache, not an array
        if (!VdId().IsMatch(vd.Id))
            return new RaidItem(RaidItemKind.Array, vd.Id, vd.State, CheckStatus.Unknown) { Reason = $"unparsable VD row starting '{vd.Id}'" };
        var (status, reason) = vd.State switch
        {
            "Optl" => (CheckStatus.Ok, (string?)null),
            "Rec" => (policy.ResyncState, "recovery running"),
            "Dgrd" => (CheckStatus.Critical, "VD degraded"),
            "Pdgd" => (CheckStatus.Critical, "VD partially degraded"),
            "OfLn" => (CheckStatus.Critical, "VD offline"),
            _ => (CheckStatus.Critical, $"VD state {vd.State}"),
        };
        var name = vd.Cell("Name");
        return new RaidItem(RaidItemKind.Array, string.IsNullOrWhiteSpace(name) ? vd.Id : $"{vd.Id} ({name})", vd.State, status)
        {
            Level = vd.Cell("TYPE"),
            Reason = reason,
        };
    }

    private static RaidItem PhysicalDrive(StorCliRow pd, StorCliData d, RaidPolicy policy)
    {
        if (!SlotId().IsMatch(pd.Id))
            return new RaidItem(RaidItemKind.Disk, pd.Id, pd.State, CheckStatus.Unknown) { Reason = $"unparsable drive row starting '{pd.Id}'" };
        var reasons = new List<string>();
        var status = pd.State switch
        {
            _ when s_goodDisk.Contains(pd.State) => CheckStatus.Ok,
            "Rbld" or "Cpybck" => policy.ResyncState,
            _ => CheckStatus.Critical,
        };
        if (status != CheckStatus.Ok) reasons.Add(pd.State == "Rbld" ? "rebuilding" : pd.State == "Cpybck" ? "copyback" : $"drive {pd.State}");
        var detail = d.Details.TryGetValue(pd.Id, out var x) ? x : default;
        if (detail.Predictive > 0) { status = CheckStatuses.Worst(status, CheckStatus.Warning); reasons.Add($"predictive failure count {detail.Predictive}"); }
        if (detail.Smart) { status = CheckStatuses.Worst(status, CheckStatus.Warning); reasons.Add("S.M.A.R.T alert flagged"); }
        var dg = pd.Cell("DG");
        return new RaidItem(RaidItemKind.Disk, pd.Id, pd.State, status)
        {
            Array = dg is null or "-" ? null : dg,
            Reason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
            PredictiveFailures = detail.Predictive,
            MediaErrors = detail.Media,
            TemperatureCelsius = detail.Temp,
        };
    }

    private static RaidItem Battery(StorCliRow b, RaidPolicy policy)
    {
        var s = b.State;
        var (status, reason) = s switch
        {
            "Optimal" => (CheckStatus.Ok, (string?)null),
            _ when s.Contains("Learn", StringComparison.OrdinalIgnoreCase) => (policy.BbuLearnState, "learn cycle"),
            _ when s.Contains("Charg", StringComparison.OrdinalIgnoreCase) => (policy.BbuLearnState, "charging"),
            _ when s.Contains("Degraded", StringComparison.OrdinalIgnoreCase) || s.Contains("Fail", StringComparison.OrdinalIgnoreCase)
                || s.Contains("Replace", StringComparison.OrdinalIgnoreCase) || s.Contains("Missing", StringComparison.OrdinalIgnoreCase) => (CheckStatus.Critical, $"battery {s}"),
            _ => (CheckStatus.Warning, $"battery state {s}"),
        };
        var temp = b.Cell("Temp") is { } t && double.TryParse(t.TrimEnd('C'), CultureInfo.InvariantCulture, out var v) ? v : (double?)null;
        return new RaidItem(RaidItemKind.Battery, b.Id, s, status) { Reason = reason, TemperatureCelsius = temp };
    }
}
