// TomlDateTime: a TOML date/time value of any of the four kinds, keeping every fractional-second digit.
using System.Globalization;
using System.Text;

namespace OpsKit.Toml;

/// <summary>
/// An offset date-time, local date-time, local date or local time exactly as written (fractional digits are kept in full).
/// <see cref="ToString"/> gives RFC 3339 text with upper-case <c>T</c>/<c>Z</c> and at least millisecond precision when a fraction is present.
/// </summary>
public sealed class TomlDateTime : IEquatable<TomlDateTime>
{
    private readonly bool _zulu;
    private readonly bool _negativeZeroOffset;

    internal TomlDateTime(TomlValueKind kind, int year, int month, int day, int hour, int minute, int second,
        string fraction, int offsetMinutes, bool zulu, bool negativeZeroOffset)
    {
        Kind = kind;
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        Fraction = fraction;
        OffsetMinutes = offsetMinutes;
        _zulu = zulu;
        _negativeZeroOffset = negativeZeroOffset;
    }

    /// <summary>Which of the four date/time kinds this is.</summary>
    public TomlValueKind Kind { get; }

    /// <summary>True when a date part is present.</summary>
    public bool HasDate => Kind != TomlValueKind.LocalTime;

    /// <summary>True when a time part is present.</summary>
    public bool HasTime => Kind != TomlValueKind.LocalDate;

    /// <summary>True for an offset date-time.</summary>
    public bool HasOffset => Kind == TomlValueKind.OffsetDateTime;

    /// <summary>Year (0 when no date).</summary>
    public int Year { get; }

    /// <summary>Month 1-12 (0 when no date).</summary>
    public int Month { get; }

    /// <summary>Day of month (0 when no date).</summary>
    public int Day { get; }

    /// <summary>Hour 0-23.</summary>
    public int Hour { get; }

    /// <summary>Minute 0-59.</summary>
    public int Minute { get; }

    /// <summary>Second 0-60 (60 only for a leap second).</summary>
    public int Second { get; }

    /// <summary>Fractional-second digits as written, without the dot ("" when none).</summary>
    public string Fraction { get; }

    /// <summary>UTC offset in minutes (0 for local kinds and for <c>Z</c>).</summary>
    public int OffsetMinutes { get; }

    /// <summary>Converts to <see cref="DateTimeOffset"/> (fraction truncated to 100 ns ticks; local kinds get offset zero).</summary>
    public DateTimeOffset ToDateTimeOffset() =>
        new(ToDateTime(), TimeSpan.FromMinutes(OffsetMinutes));

    /// <summary>Converts to <see cref="DateTime"/> (unspecified kind; fraction truncated to ticks; a leap second becomes :59.9999999).</summary>
    public DateTime ToDateTime()
    {
        var date = HasDate ? new DateTime(Year, Month, Day, 0, 0, 0, DateTimeKind.Unspecified) : DateTime.MinValue;
        return date.Add(ToTimeOnly().ToTimeSpan());
    }

    /// <summary>The date part; throws <see cref="InvalidOperationException"/> for a local time.</summary>
    public DateOnly ToDateOnly() => HasDate ? new DateOnly(Year, Month, Day) : throw new InvalidOperationException("local time has no date");

    /// <summary>The time part (midnight for a local date; fraction truncated to ticks).</summary>
    public TimeOnly ToTimeOnly()
    {
        if (Second == 60)
            return new TimeOnly(Hour, Minute, 59).Add(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - 1));
        long ticks = 0, scale = TimeSpan.TicksPerSecond;
        foreach (char c in Fraction)
        {
            scale /= 10;
            if (scale == 0)
                break;
            ticks += (c - '0') * scale;
        }
        return new TimeOnly(Hour, Minute, Second).Add(TimeSpan.FromTicks(ticks));
    }

    /// <summary>RFC 3339 text: <c>1979-05-27T07:32:00.500-07:00</c>, <c>1979-05-27T07:32:00</c>, <c>1979-05-27</c> or <c>07:32:00</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(40);
        if (HasDate)
        {
            sb.Append(Year.ToString("D4", CultureInfo.InvariantCulture)).Append('-')
              .Append(Month.ToString("D2", CultureInfo.InvariantCulture)).Append('-')
              .Append(Day.ToString("D2", CultureInfo.InvariantCulture));
            if (HasTime)
                sb.Append('T');
        }
        if (HasTime)
        {
            sb.Append(Hour.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
              .Append(Minute.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
              .Append(Second.ToString("D2", CultureInfo.InvariantCulture));
            if (Fraction.Length > 0)
            {
                sb.Append('.').Append(Fraction);
                for (int i = Fraction.Length; i < 3; i++)
                    sb.Append('0');
            }
        }
        if (HasOffset)
        {
            if (_zulu)
                sb.Append('Z');
            else
            {
                int m = Math.Abs(OffsetMinutes);
                sb.Append(OffsetMinutes < 0 || _negativeZeroOffset ? '-' : '+')
                  .Append((m / 60).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                  .Append((m % 60).ToString("D2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    /// <summary>Equal when kind and all fields (including the fraction text and offset) are equal.</summary>
    public bool Equals(TomlDateTime? other) =>
        other is not null && Kind == other.Kind && Year == other.Year && Month == other.Month && Day == other.Day &&
        Hour == other.Hour && Minute == other.Minute && Second == other.Second && OffsetMinutes == other.OffsetMinutes &&
        string.Equals(Fraction, other.Fraction, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TomlDateTime);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Year, Month, Day, Hour, Minute, Second, OffsetMinutes);
}
