// Facts about a network interface from sysfs and if_nametoindex: index, MAC, MTU, virtual or not.
using System.Globalization;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Net;

/// <summary>A network interface as the target needs it.</summary>
/// <param name="Name">Interface name.</param>
/// <param name="Index">Kernel ifindex.</param>
/// <param name="Mac">Hardware address.</param>
/// <param name="Mtu">MTU in bytes.</param>
/// <param name="Virtual">No device behind it (veth, bridge, tap, bond): frames sent on it are handed on inside the kernel.</param>
public sealed record NetInterface(string Name, int Index, MacAddress Mac, int Mtu, bool Virtual = false)
{
    /// <summary>True when the interface exists in this network namespace.</summary>
    public static bool Exists(string name) =>
        name.Length is > 0 and < 16 && !name.Contains('/') && Directory.Exists($"/sys/class/net/{name}");

    /// <summary>Looks the interface up; throws <see cref="IOException"/> naming it when it does not exist.</summary>
    public static NetInterface Get(string name)
    {
        if (!Exists(name)) throw new IOException($"network interface '{name}' does not exist");
        var index = (int)Native.if_nametoindex(name);
        if (index == 0) throw new IOException($"network interface '{name}' does not exist");
        var mac = MacAddress.Parse(File.ReadAllText($"/sys/class/net/{name}/address").Trim());
        var mtu = int.Parse(File.ReadAllText($"/sys/class/net/{name}/mtu").Trim(), CultureInfo.InvariantCulture);
        return new NetInterface(name, index, mac, mtu, !Directory.Exists($"/sys/class/net/{name}/device"));
    }
}
