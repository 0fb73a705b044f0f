// uid -> user name from /etc/passwd under the root (fixture trees may have none).
using System.Globalization;
using OpsKit.Core;

namespace OpsKit.IoWait.Live;

/// <summary>User names by uid.</summary>
public sealed class UserNames(Dictionary<int, string> names)
{
    /// <summary>Reads /etc/passwd (or the sequence root's parent has none: numbers are shown).</summary>
    public static UserNames Load(SystemContext context)
    {
        var map = new Dictionary<int, string>();
        try
        {
            foreach (var line in File.ReadLines(context.HostPath("/etc/passwd")))
            {
                var f = line.Split(':');
                if (f.Length > 2 && int.TryParse(f[2], CultureInfo.InvariantCulture, out var uid)) map.TryAdd(uid, f[0]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return new UserNames(map);
    }

    /// <summary>The name, or the number, or "?".</summary>
    public string Name(int uid) => uid < 0 ? "?" : names.TryGetValue(uid, out var n) ? n : uid.ToString(CultureInfo.InvariantCulture);
}
