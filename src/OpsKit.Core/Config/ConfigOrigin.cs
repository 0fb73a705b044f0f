// Where a value came from, for "config show" and error messages.
namespace OpsKit.Core.Config;

/// <summary>The source of a config value.</summary>
/// <param name="Kind">default, file, env or flag.</param>
/// <param name="Detail">FILE:LINE:COL, the variable name or the flag.</param>
public sealed record ConfigOrigin(string Kind, string Detail)
{
    /// <summary>A built-in default.</summary>
    public static ConfigOrigin Default { get; } = new("default", "built-in");

    /// <inheritdoc />
    public override string ToString() => Kind == "default" ? "default" : $"{Kind} {Detail}";
}
