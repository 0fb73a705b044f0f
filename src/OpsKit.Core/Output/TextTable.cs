// Aligned plain-text tables: columns padded to their widest cell, no colour,
// the last column not padded so lines carry no trailing blanks.
using System.Text;

namespace OpsKit.Core.Output;

/// <summary>Builds an aligned table.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _rightAligned = [];

    /// <summary>Right-aligns the given columns (numbers).</summary>
    public TextTable AlignRight(params int[] columns)
    {
        foreach (var c in columns) _rightAligned.Add(c);
        return this;
    }

    /// <summary>Adds a row; missing cells are blank.</summary>
    public TextTable Add(params object?[] cells)
    {
        _rows.Add(cells.Select(c => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray());
        return this;
    }

    /// <summary>Number of data rows.</summary>
    public int Count => _rows.Count;

    /// <inheritdoc />
    public override string ToString()
    {
        var all = new List<string[]>();
        if (headers.Length > 0) all.Add(headers);
        all.AddRange(_rows);
        var columns = all.Count == 0 ? 0 : all.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in all)
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        var sb = new StringBuilder();
        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var i = 0; i < columns; i++)
            {
                var cell = i < row.Length ? row[i] : "";
                var last = i == columns - 1;
                if (i > 0) line.Append("  ");
                if (_rightAligned.Contains(i)) line.Append(cell.PadLeft(widths[i]));
                else line.Append(last ? cell : cell.PadRight(widths[i]));
            }
            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
        return sb.ToString();
    }
}
