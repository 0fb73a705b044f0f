// Reads storcli/perccli "... show all J" JSON into StorCliData. Keys drift between
// releases (BBU Status vs Energy Pack Status, PD LIST vs per-drive lists on HBAs);
// non-JSON text before the JSON (seen on errors) is skipped.
using System.Globalization;
using System.Text.Json;

namespace OpsKit.Raid.Backends;

/// <summary>storcli JSON reader.</summary>
internal static class StorCliJson
{
    /// <summary>Parses the controller list; null when the text holds no JSON object.</summary>
    public static List<StorCliData>? Controllers(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        if (start < 0) return null;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text.AsMemory(start)); }
        catch (JsonException) { return null; }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("Controllers", out var list) || list.ValueKind != JsonValueKind.Array) return null;
            var result = new List<StorCliData>();
            var n = 0;
            foreach (var c in list.EnumerateArray()) result.Add(Controller(c, n++));
            return result;
        }
    }

    /// <summary>Adds drive details (predictive failures, SMART, media errors, temperature) from the drives JSON.</summary>
    public static void AddDetails(List<StorCliData> controllers, string text)
    {
        var parsed = Controllers(text);
        if (parsed is null) return;
        foreach (var p in parsed)
        {
            var target = controllers.FirstOrDefault(c => c.Id == p.Id);
            if (target is null) continue;
            foreach (var (k, v) in p.Details) target.Details[k] = v;
        }
    }

    private static StorCliData Controller(JsonElement c, int index)
    {
        var status = c.TryGetProperty("Command Status", out var cs) ? cs : default;
        var id = status.ValueKind == JsonValueKind.Object && status.TryGetProperty("Controller", out var ctl) ? Text(ctl) ?? index.ToString(CultureInfo.InvariantCulture) : index.ToString(CultureInfo.InvariantCulture);
        var data = new StorCliData(id);
        if (status.ValueKind == JsonValueKind.Object && Text(status, "Status") == "Failure")
            data.CommandFailure = Text(status, "Description") ?? "Failure";
        if (!c.TryGetProperty("Response Data", out var rd) || rd.ValueKind != JsonValueKind.Object) return data;
        if (rd.TryGetProperty("Basics", out var basics)) data.Model = Text(basics, "Model")?.Trim();
        if (rd.TryGetProperty("Status", out var st))
        {
            data.ControllerStatus = Text(st, "Controller Status");
            data.BbuStatus = Text(st, "BBU Status") ?? Text(st, "Energy Pack Status");
        }
        foreach (var p in rd.EnumerateObject())
        {
            switch (p.Name)
            {
                case "VD LIST": data.VirtualDrives.AddRange(Rows(p.Value, "DG/VD")); break;
                case "PD LIST": data.PhysicalDrives.AddRange(Rows(p.Value, "EID:Slt")); break;
                case "BBU_Info" or "Cachevault_Info" or "Energy_Pack_Info": data.Batteries.AddRange(Rows(p.Value, "Model")); break;
                case "Virtual Drives": data.DeclaredVirtualDrives = Int(p.Value); break;
                case "Drive Groups" or "Arrays": data.DeclaredDriveGroups = Int(p.Value); break;
                case "Physical Drives": data.DeclaredPhysicalDrives = Int(p.Value); break;
                case "Physical Device Information" when p.Value.ValueKind == JsonValueKind.Object:
                    foreach (var d in p.Value.EnumerateObject()) DriveEntry(data, d);
                    break;
                default: DriveEntry(data, p); break;
            }
        }
        return data;
    }

    /// <summary>"Drive /c0/e252/s0" (a one-row PD list) and "Drive ... - Detailed Information".</summary>
    private static void DriveEntry(StorCliData data, JsonProperty p)
    {
        if (!p.Name.StartsWith("Drive /c", StringComparison.Ordinal)) return;
        if (p.Value.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in Rows(p.Value, "EID:Slt"))
            {
                if (data.PhysicalDrives.All(d => d.Id != row.Id)) data.PhysicalDrives.Add(row);
            }
            return;
        }
        if (!p.Name.EndsWith("Detailed Information", StringComparison.Ordinal) || p.Value.ValueKind != JsonValueKind.Object) return;
        var path = p.Name["Drive ".Length..p.Name.IndexOf(" - ", StringComparison.Ordinal)];
        foreach (var section in p.Value.EnumerateObject())
        {
            if (!section.Name.EndsWith(" State", StringComparison.Ordinal) || section.Value.ValueKind != JsonValueKind.Object) continue;
            var temp = Text(section.Value, "Drive Temperature")?.Trim();
            data.Details[SlotKey(path)] = (
                Int(section.Value, "Predictive Failure Count"),
                Int(section.Value, "Media Error Count"),
                Text(section.Value, "S.M.A.R.T alert flagged by drive") == "Yes",
                temp is not null && double.TryParse(temp.Split('C')[0], CultureInfo.InvariantCulture, out var t) ? t : null);
        }
    }

    /// <summary>"/c0/e252/s3" -> "252:3" (the PD LIST id).</summary>
    internal static string SlotKey(string path)
    {
        var e = path.IndexOf("/e", StringComparison.Ordinal);
        var s = path.IndexOf("/s", StringComparison.Ordinal);
        return e < 0 || s < 0 ? path : $"{path[(e + 2)..s]}:{path[(s + 2)..]}";
    }

    private static IEnumerable<StorCliRow> Rows(JsonElement array, string idColumn)
    {
        if (array.ValueKind != JsonValueKind.Array) yield break;
        foreach (var row in array.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object) continue;
            var cells = row.EnumerateObject().ToDictionary(p => p.Name.Trim(), p => Text(p.Value) ?? "", StringComparer.Ordinal);
            yield return new StorCliRow(cells.GetValueOrDefault(idColumn, "?"), cells.GetValueOrDefault("State", "?"), cells);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? Text(v) : null;

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static long? Int(JsonElement e, string name) => Text(e, name) is { } s && long.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static int? Int(JsonElement v) => Text(v) is { } s && int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : null;
}
