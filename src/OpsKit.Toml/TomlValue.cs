// TomlValue: a scalar leaf of the document (string, integer, float, boolean or a date/time).
namespace OpsKit.Toml;

/// <summary>A scalar TOML value.</summary>
public sealed class TomlValue : TomlNode
{
    internal static readonly object BoxedTrue = true;
    internal static readonly object BoxedFalse = false;

    internal TomlValue(TomlPosition position, TomlValueKind kind, object value) : base(position)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>The kind of the value.</summary>
    public TomlValueKind Kind { get; }

    /// <summary>The value: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or <see cref="TomlDateTime"/>.</summary>
    public object Value { get; }

    /// <summary>The string value; throws <see cref="InvalidOperationException"/> if this is not a string.</summary>
    public string AsString() => Kind == TomlValueKind.String ? (string)Value : throw WrongKind("string");

    /// <summary>The integer value; throws <see cref="InvalidOperationException"/> if this is not an integer.</summary>
    public long AsInteger() => Kind == TomlValueKind.Integer ? (long)Value : throw WrongKind("integer");

    /// <summary>The float value; throws <see cref="InvalidOperationException"/> if this is not a float.</summary>
    public double AsFloat() => Kind == TomlValueKind.Float ? (double)Value : throw WrongKind("float");

    /// <summary>The boolean value; throws <see cref="InvalidOperationException"/> if this is not a boolean.</summary>
    public bool AsBoolean() => Kind == TomlValueKind.Boolean ? (bool)Value : throw WrongKind("boolean");

    /// <summary>The date/time value; throws <see cref="InvalidOperationException"/> if this is not one of the four date/time kinds.</summary>
    public TomlDateTime AsDateTime() => Value as TomlDateTime ?? throw WrongKind("datetime");

    /// <summary>Short human name of the kind: "string", "integer", "float", "boolean", "datetime", "local datetime", "local date", "local time".</summary>
    public string Describe() => Kind switch
    {
        TomlValueKind.String => "string",
        TomlValueKind.Integer => "integer",
        TomlValueKind.Float => "float",
        TomlValueKind.Boolean => "boolean",
        TomlValueKind.OffsetDateTime => "datetime",
        TomlValueKind.LocalDateTime => "local datetime",
        TomlValueKind.LocalDate => "local date",
        _ => "local time",
    };

    /// <summary>The value as TOML-like text (strings unquoted).</summary>
    public override string ToString() => Value switch
    {
        bool b => b ? "true" : "false",
        double d => TomlTaggedJson.FormatFloat(d),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };

    private InvalidOperationException WrongKind(string wanted) =>
        new($"expected {wanted}, got {Describe()} (at {Position})");
}
