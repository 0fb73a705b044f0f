// TomlValueKind: the scalar kinds a TomlValue can hold.
namespace OpsKit.Toml;

/// <summary>The kind of a scalar TOML value.</summary>
public enum TomlValueKind
{
    /// <summary>A string (<see cref="string"/>).</summary>
    String,
    /// <summary>A 64-bit integer (<see cref="long"/>).</summary>
    Integer,
    /// <summary>A 64-bit float (<see cref="double"/>).</summary>
    Float,
    /// <summary>A boolean (<see cref="bool"/>).</summary>
    Boolean,
    /// <summary>Date and time with an offset (<see cref="TomlDateTime"/>).</summary>
    OffsetDateTime,
    /// <summary>Date and time without offset (<see cref="TomlDateTime"/>).</summary>
    LocalDateTime,
    /// <summary>Date only (<see cref="TomlDateTime"/>).</summary>
    LocalDate,
    /// <summary>Time of day only (<see cref="TomlDateTime"/>).</summary>
    LocalTime,
}
