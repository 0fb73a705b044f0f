// TomlParser (numbers and dates): integers (dec/hex/oct/bin), floats (incl. inf/nan) and the four date/time forms.
using System.Globalization;

namespace OpsKit.Toml;

internal sealed partial class TomlParser
{
    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private bool DigitAt(int i) => i < _s.Length && IsDigit(_s[i]);

    private bool CharAt(int i, char c) => i < _s.Length && _s[i] == c;

    private static bool IsNumberChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' || c == '.' || c == '+' || c == '-';

    private TomlValue ParseNumberOrDateTime(TomlPosition position)
    {
        int p = _pos;
        if (DigitAt(p) && DigitAt(p + 1))
        {
            if (CharAt(p + 2, ':'))
                return new TomlValue(position, TomlValueKind.LocalTime, ParseDateTime(dateFirst: false));
            if (DigitAt(p + 2) && DigitAt(p + 3) && CharAt(p + 4, '-'))
            {
                var dt = ParseDateTime(dateFirst: true);
                return new TomlValue(position, dt.Kind, dt);
            }
        }
        return ParseNumber(position);
    }

    private TomlValue ParseNumber(TomlPosition position)
    {
        string s = _s;
        int start = _pos;
        int end = start;
        while (end < s.Length && IsNumberChar(s[end]))
            end++;
        var tok = s.AsSpan(start, end - start);
        int i = 0;
        bool negative = false;
        if (tok.Length > 0 && (tok[0] == '+' || tok[0] == '-'))
        {
            negative = tok[0] == '-';
            i = 1;
        }
        var body = tok[i..];
        if (body.SequenceEqual("inf"))
        {
            _pos = end;
            return new TomlValue(position, TomlValueKind.Float, negative ? double.NegativeInfinity : double.PositiveInfinity);
        }
        if (body.SequenceEqual("nan"))
        {
            _pos = end;
            return new TomlValue(position, TomlValueKind.Float, double.NaN);
        }
        if (i == 0 && body.Length >= 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'o' || body[1] == 'b'))
        {
            long v = ParseRadixInteger(body[2..], body[1] == 'x' ? 16 : body[1] == 'o' ? 8 : 2, tok);
            _pos = end;
            return new TomlValue(position, TomlValueKind.Integer, v);
        }

        int j = 0;
        int intDigits = ReadDigits(body, ref j, tok);
        if (intDigits == 0)
            throw Error($"invalid number '{tok}'");
        if (intDigits > 1 && body[0] == '0')
            throw Error($"leading zeros are not allowed in '{tok}'");
        bool isFloat = false;
        if (j < body.Length && body[j] == '.')
        {
            j++;
            if (ReadDigits(body, ref j, tok) == 0)
                throw Error($"invalid float '{tok}': expected digits after '.'");
            isFloat = true;
        }
        if (j < body.Length && (body[j] == 'e' || body[j] == 'E'))
        {
            j++;
            if (j < body.Length && (body[j] == '+' || body[j] == '-'))
                j++;
            if (ReadDigits(body, ref j, tok) == 0)
                throw Error($"invalid float '{tok}': expected exponent digits");
            isFloat = true;
        }
        if (j != body.Length)
            throw Error($"invalid number '{tok}'");

        if (!isFloat)
        {
            ulong limit = negative ? 9223372036854775808UL : long.MaxValue;
            ulong mag = 0;
            foreach (char c in body)
            {
                if (c == '_')
                    continue;
                uint d = (uint)(c - '0');
                if (mag > (limit - d) / 10)
                    throw Error($"integer '{tok}' does not fit in 64 bits");
                mag = mag * 10 + d;
            }
            _pos = end;
            long value = negative ? (long)(0UL - mag) : (long)mag;
            return new TomlValue(position, TomlValueKind.Integer, value);
        }

        Span<char> buf = tok.Length <= 128 ? stackalloc char[tok.Length] : new char[tok.Length];
        int n = 0;
        foreach (char c in tok)
            if (c != '_')
                buf[n++] = c;
        double f = double.Parse(buf[..n], NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(f))
            throw Error($"float '{tok}' is out of range");
        _pos = end;
        return new TomlValue(position, TomlValueKind.Float, f);
    }

    /// <summary>Reads decimal digits with single underscores between digits; returns the digit count.</summary>
    private int ReadDigits(ReadOnlySpan<char> body, ref int j, ReadOnlySpan<char> tok)
    {
        int count = 0;
        while (j < body.Length)
        {
            char c = body[j];
            if (IsDigit(c))
            {
                count++;
                j++;
            }
            else if (c == '_')
            {
                if (count == 0 || j + 1 >= body.Length || !IsDigit(body[j + 1]))
                    throw Error($"invalid number '{tok}': '_' must be between digits");
                j++;
            }
            else
                break;
        }
        return count;
    }

    private long ParseRadixInteger(ReadOnlySpan<char> digits, int radix, ReadOnlySpan<char> tok)
    {
        if (digits.Length == 0)
            throw Error($"invalid integer '{tok}': no digits");
        ulong v = 0;
        bool prevDigit = false;
        for (int k = 0; k < digits.Length; k++)
        {
            char c = digits[k];
            if (c == '_')
            {
                if (!prevDigit || k + 1 >= digits.Length)
                    throw Error($"invalid integer '{tok}': '_' must be between digits");
                prevDigit = false;
                continue;
            }
            int d = HexValue(c);
            if (d < 0 || d >= radix)
                throw Error($"invalid digit '{c}' in integer '{tok}'");
            if (v > (ulong)(long.MaxValue - d) / (ulong)radix)
                throw Error($"integer '{tok}' does not fit in 64 bits");
            v = v * (ulong)radix + (ulong)d;
            prevDigit = true;
        }
        return (long)v;
    }

    private int Read2(string what)
    {
        if (!DigitAt(_pos) || !DigitAt(_pos + 1))
            throw Error($"invalid {what}: expected two digits");
        int v = (_s[_pos] - '0') * 10 + (_s[_pos + 1] - '0');
        _pos += 2;
        return v;
    }

    private void Expect(char c, string what)
    {
        if (!CharAt(_pos, c))
            throw Unexpected($"'{c}' in {what}");
        _pos++;
    }

    /// <summary>Parses a date (optionally followed by a time and offset) or a bare local time.</summary>
    private TomlDateTime ParseDateTime(bool dateFirst)
    {
        int year = 0, month = 0, day = 0;
        var start = Pos();
        if (dateFirst)
        {
            year = Read2("year") * 100 + Read2("year");
            Expect('-', "date");
            month = Read2("month");
            Expect('-', "date");
            day = Read2("day");
            if (month < 1 || month > 12)
                throw Error(start, $"invalid month {month}");
            if (day < 1 || day > DaysInMonth(year, month))
                throw Error(start, $"invalid day {day} for {year:D4}-{month:D2}");
            char sep = _pos < _s.Length ? _s[_pos] : '\0';
            bool hasTime = sep == 'T' || sep == 't' ||
                (sep == ' ' && DigitAt(_pos + 1) && DigitAt(_pos + 2) && CharAt(_pos + 3, ':'));
            if (!hasTime)
                return new TomlDateTime(TomlValueKind.LocalDate, year, month, day, 0, 0, 0, "", 0, false, false);
            _pos++;
        }
        int hour = Read2("hour");
        Expect(':', "time");
        int minute = Read2("minute");
        Expect(':', "time");
        int second = Read2("second");
        if (hour > 23 || minute > 59 || second > 60)
            throw Error(start, $"invalid time {hour:D2}:{minute:D2}:{second:D2}");
        string fraction = "";
        if (CharAt(_pos, '.'))
        {
            int f = ++_pos;
            while (DigitAt(_pos))
                _pos++;
            if (_pos == f)
                throw Error("expected digits after '.' in the seconds");
            fraction = _s.Substring(f, _pos - f);
        }
        if (!dateFirst)
            return new TomlDateTime(TomlValueKind.LocalTime, 0, 0, 0, hour, minute, second, fraction, 0, false, false);
        char o = _pos < _s.Length ? _s[_pos] : '\0';
        if (o == 'Z' || o == 'z')
        {
            _pos++;
            return new TomlDateTime(TomlValueKind.OffsetDateTime, year, month, day, hour, minute, second, fraction, 0, true, false);
        }
        if (o == '+' || o == '-')
        {
            _pos++;
            int oh = Read2("offset hour");
            Expect(':', "offset");
            int om = Read2("offset minute");
            if (oh > 23 || om > 59)
                throw Error(start, $"invalid offset {o}{oh:D2}:{om:D2}");
            int offset = oh * 60 + om;
            return new TomlDateTime(TomlValueKind.OffsetDateTime, year, month, day, hour, minute, second, fraction,
                o == '-' ? -offset : offset, false, o == '-' && offset == 0);
        }
        return new TomlDateTime(TomlValueKind.LocalDateTime, year, month, day, hour, minute, second, fraction, 0, false, false);
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
