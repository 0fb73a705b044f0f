// The one error of TomlReader: Tomlyn's first diagnostic (or invalid UTF-8), with source name, line and column.
namespace OpsKit.Core.Toml;

/// <summary>A TOML syntax or semantic error with its location.</summary>
public sealed class TomlException : Exception
{
    private string? _source;

    /// <summary>Creates an error at <paramref name="line"/>:<paramref name="column"/> in <paramref name="source"/> (a file name, or null).</summary>
    public TomlException(string? source, int line, int column, string reason)
    {
        _source = source;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Name of the document (usually a file path), or null when parsing anonymous text.</summary>
    public override string? Source { get => _source; set => _source = value; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>What went wrong, without location.</summary>
    public string Reason { get; }

    /// <summary><c>"{Source}:{Line}:{Column}: {Reason}"</c>, or <c>"line {Line}, column {Column}: {Reason}"</c> without a source.</summary>
    public override string Message => _source is null
        ? $"line {Line}, column {Column}: {Reason}"
        : $"{_source}:{Line}:{Column}: {Reason}";
}
