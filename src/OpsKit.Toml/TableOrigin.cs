// TableOrigin: how a table came to exist; drives TOML's redefinition rules.
namespace OpsKit.Toml;

/// <summary>How a table was created (internal bookkeeping for the redefinition rules).</summary>
internal enum TableOrigin : byte
{
    /// <summary>The document root.</summary>
    Root,
    /// <summary>Created as an intermediate of a header path such as <c>[a.b]</c> (for <c>a</c>); may still be defined by its own header.</summary>
    Implicit,
    /// <summary>Defined by a <c>[header]</c> or as an element of <c>[[array]]</c>.</summary>
    Header,
    /// <summary>Created by a dotted key such as <c>a.b = 1</c>.</summary>
    Dotted,
    /// <summary>An inline table <c>{ ... }</c> (or a dotted table inside one); immutable once closed.</summary>
    Inline,
}
