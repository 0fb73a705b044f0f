// Human-readable byte counts for text reports (binary units, like iotop).
using System.Globalization;

namespace OpsKit.IoWait.Summary;

/// <summary>Formats byte counts.</summary>
public static class ByteSize
{
    /// <summary>"0 B", "4.0 KiB", "1.5 MiB", ...</summary>
    public static string Format(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var u = 0;
        while (Math.Abs(bytes) >= 1024 && u < units.Length - 1) { bytes /= 1024; u++; }
        return u == 0 ? $"{bytes.ToString("0", CultureInfo.InvariantCulture)} B" : $"{bytes.ToString("0.0", CultureInfo.InvariantCulture)} {units[u]}";
    }
}
