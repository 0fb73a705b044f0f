// A small reader of the Prometheus text format, to compare our files with what node_exporter
// serves: samples keyed by name and labels sorted by name (node_exporter re-orders labels and
// re-prints numbers), values as doubles.
using System.Globalization;
using System.Text;

namespace OpsKit.Fleet.Tests;

public static class Exposition
{
    /// <summary>Samples of a text, "name{a="1",b="2"}" (labels sorted) to value; comments skipped.</summary>
    public static Dictionary<string, double> Samples(string text)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var (key, rest) = Key(line);
            var value = rest.Trim().Split(' ')[0];
            result[key] = value switch
            {
                "NaN" => double.NaN,
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }
        return result;
    }

    /// <summary>Metric family names declared by # TYPE lines.</summary>
    public static HashSet<string> Families(string text) =>
        text.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToHashSet(StringComparer.Ordinal);

    private static (string Key, string After) Key(string line)
    {
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (brace < 0 || (space >= 0 && space < brace)) return (line[..space] + "{}", line[space..]);
        var name = line[..brace];
        var labels = new List<(string, string)>();
        var i = brace + 1;
        while (line[i] != '}')
        {
            var eq = line.IndexOf('=', i);
            var label = line[i..eq].Trim(',', ' ');
            i = eq + 2; // past ="
            var value = new StringBuilder();
            while (line[i] != '"')
            {
                if (line[i] == '\\')
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }
                i++;
            }
            i++; // closing quote
            if (line[i] == ',') i++;
            labels.Add((label, value.ToString()));
        }
        var key = name + "{" + string.Join(',', labels.OrderBy(l => l.Item1, StringComparer.Ordinal).Select(l => $"{l.Item1}={l.Item2}")) + "}";
        return (key, line[(i + 1)..]);
    }
}
