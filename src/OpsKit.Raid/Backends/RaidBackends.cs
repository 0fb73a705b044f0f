// The one table of backends, by stable lowercase name (the --backend values).
namespace OpsKit.Raid.Backends;

/// <summary>All backends.</summary>
public static class RaidBackends
{
    /// <summary>Every backend in check order.</summary>
    public static IReadOnlyList<IRaidBackend> All { get; } =
    [
        new MdstatBackend(),
        new StorCliBackend(),
        new MegaCliBackend(),
        new CmdTool2Backend(),
        new TwCliBackend(),
        new ArecaBackend(),
        new Sas2IrcuBackend(),
    ];

    /// <summary>The names, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(b => b.Name).ToList();

    /// <summary>A backend by name, or null.</summary>
    public static IRaidBackend? Find(string name) => All.FirstOrDefault(b => b.Name == name);
}
