// Reads one sysfs attribute: a missing file is absent (null), never zero; a file that
// cannot be read or parsed is an error naming the file.
using System.Globalization;

namespace OpsKit.HwErr.Sources;

/// <summary>Reads sysfs attribute files.</summary>
internal static class SysfsFile
{
    /// <summary>The first line without the trailing newline, or null when the file does not exist.</summary>
    public static string? Text(string path, List<string> errors)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var text = File.ReadAllText(path);
            var nl = text.IndexOf('\n', StringComparison.Ordinal);
            return (nl < 0 ? text : text[..nl]).TrimEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: {e.Message}");
            return null;
        }
    }

    /// <summary>A non-negative integer attribute, or null when absent or bad (bad: an error is added).</summary>
    public static long? Number(string path, List<string> errors)
    {
        var text = Text(path, errors);
        if (text is null) return null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add($"{path}: '{text}' is not a count");
        return null;
    }

    /// <summary>Sub-directories named PREFIX + number, in numeric order (following symlinks).</summary>
    public static IEnumerable<(string Name, string Path)> Numbered(string dir, string prefix)
    {
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFileSystemEntries(dir, prefix + "*")
            .Where(Directory.Exists)
            .Select(p => (Name: System.IO.Path.GetFileName(p), Path: p))
            .Where(x => x.Name.Length > prefix.Length && x.Name[prefix.Length..].All(char.IsAsciiDigit))
            .OrderBy(x => long.Parse(x.Name[prefix.Length..], CultureInfo.InvariantCulture));
    }
}
