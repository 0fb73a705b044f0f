// One writer of the Prometheus text exposition format for every area: HELP/TYPE per
// family, escaped label values, families sorted by name and samples by their labels, so
// the same report always gives the same bytes (diffs, golden files, textfile scrapes).
using System.Globalization;
using System.Text;

namespace OpsKit.Core.Output;

/// <summary>The kind of a metric family.</summary>
public enum MetricType
{
    /// <summary>A value that goes up and down (or a count read from elsewhere).</summary>
    Gauge,
    /// <summary>A count that only grows while its process lives (name ends in _total).</summary>
    Counter,
}

/// <summary>Collects metric families and renders them.</summary>
public sealed class PrometheusWriter
{
    private sealed record Family(string Name, string Help, MetricType Type, SortedDictionary<string, double> Samples);

    private readonly SortedDictionary<string, Family> _families = new(StringComparer.Ordinal);

    /// <summary>Declares (or returns) a family; the first declaration's help and type win.</summary>
    public PrometheusWriter Declare(string name, string help, MetricType type = MetricType.Gauge)
    {
        if (!IsValidName(name)) throw new ArgumentException($"bad metric name '{name}'", nameof(name));
        if (!_families.ContainsKey(name)) _families[name] = new Family(name, help, type, new SortedDictionary<string, double>(StringComparer.Ordinal));
        return this;
    }

    /// <summary>Sets one sample of a declared family; labels with a null value are left out. Setting the
    /// same label set again adds to it (several sources folding into one series).</summary>
    public PrometheusWriter Add(string name, double value, params (string Key, string? Value)[] labels)
    {
        if (!_families.TryGetValue(name, out var family)) throw new InvalidOperationException($"metric {name} was not declared");
        var key = Labels(labels);
        family.Samples[key] = family.Samples.GetValueOrDefault(key) + value;
        return this;
    }

    /// <summary>Declares and sets in one call.</summary>
    public PrometheusWriter Gauge(string name, string help, double value, params (string Key, string? Value)[] labels) =>
        Declare(name, help).Add(name, value, labels);

    /// <summary>The two gauges every area writes: when it ran and whether it could do its work.</summary>
    public PrometheusWriter Run(string area, DateTimeOffset ranAt, bool success)
    {
        Gauge($"opskit_{area}_last_run_timestamp_seconds", $"When opskit's {area} report was made (Unix time).", ranAt.ToUnixTimeMilliseconds() / 1000.0);
        Gauge($"opskit_{area}_success", $"1 when opskit's {area} report could read everything it looks at, else 0.", success ? 1 : 0);
        return this;
    }

    /// <summary>The exposition text (empty families are left out).</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        foreach (var f in _families.Values)
        {
            if (f.Samples.Count == 0) continue;
            sb.Append("# HELP ").Append(f.Name).Append(' ').Append(EscapeHelp(f.Help)).Append('\n');
            sb.Append("# TYPE ").Append(f.Name).Append(' ').Append(f.Type == MetricType.Counter ? "counter" : "gauge").Append('\n');
            foreach (var (labels, value) in f.Samples)
                sb.Append(f.Name).Append(labels).Append(' ').Append(Number(value)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A sample value: integers without a point, others with up to 6 decimals, NaN/Inf spelled as Prometheus does.</summary>
    public static string Number(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "+Inf" : double.IsNegativeInfinity(v) ? "-Inf"
        : v.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Label value escaping of the text format: backslash, double quote, newline.</summary>
    public static string EscapeLabel(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Labels((string Key, string? Value)[] labels)
    {
        var present = labels.Where(l => l.Value is not null).ToList();
        if (present.Count == 0) return "";
        foreach (var (k, _) in present)
            if (!IsValidName(k) || k.Contains(':', StringComparison.Ordinal)) throw new ArgumentException($"bad label name '{k}'");
        return "{" + string.Join(',', present.Select(l => $"{l.Key}=\"{EscapeLabel(l.Value!)}\"")) + "}";
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');
}
