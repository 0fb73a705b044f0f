// TomlPosition: a 1-based line/column location in a TOML document.
namespace OpsKit.Toml;

/// <summary>A 1-based location in a TOML document. Columns count Unicode scalar values (characters), not bytes.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
public readonly record struct TomlPosition(int Line, int Column)
{
    /// <summary>Formats as <c>line:column</c>.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
