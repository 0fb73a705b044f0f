// TomlParser (strings): basic, literal and their multi-line forms, escapes and line-ending backslashes.
namespace OpsKit.Toml;

internal sealed partial class TomlParser
{
    /// <summary>At '"': a single-line basic string.</summary>
    private string ParseBasicString()
    {
        string s = _s;
        var startPos = Pos();
        int start = _pos + 1;
        int p = start;
        while (true)
        {
            if (p >= s.Length)
                throw Error(startPos, "unterminated string");
            char c = s[p];
            if (c == '"')
            {
                _pos = p + 1;
                return s.Substring(start, p - start);
            }
            if (c == '\\')
                break;
            if (c < 0x20 || c >= 0x7F)
            {
                if (c == '\n' || c == '\r')
                    throw Error(startPos, "unterminated string (single-line strings cannot contain newlines)");
                p = c == '\t' ? p + 1 : CheckSpecialChar(p, "string");
                continue;
            }
            p++;
        }

        var sb = _sb.Clear();
        sb.Append(s, start, p - start);
        int run = p;
        while (true)
        {
            if (p >= s.Length)
                throw Error(startPos, "unterminated string");
            char c = s[p];
            if (c == '"')
            {
                sb.Append(s, run, p - run);
                _pos = p + 1;
                return sb.ToString();
            }
            if (c == '\\')
            {
                sb.Append(s, run, p - run);
                p = ParseEscape(p);
                run = p;
                continue;
            }
            if (c < 0x20 || c >= 0x7F)
            {
                if (c == '\n' || c == '\r')
                    throw Error(startPos, "unterminated string (single-line strings cannot contain newlines)");
                p = c == '\t' ? p + 1 : CheckSpecialChar(p, "string");
                continue;
            }
            p++;
        }
    }

    /// <summary>At a backslash at index <paramref name="p"/>: appends the escaped character to <see cref="_sb"/>; returns the index after the escape.</summary>
    private int ParseEscape(int p)
    {
        string s = _s;
        if (p + 1 >= s.Length)
        {
            _pos = p;
            throw Error("unterminated escape sequence");
        }
        char e = s[p + 1];
        switch (e)
        {
            case 'b': _sb.Append('\b'); return p + 2;
            case 't': _sb.Append('\t'); return p + 2;
            case 'n': _sb.Append('\n'); return p + 2;
            case 'f': _sb.Append('\f'); return p + 2;
            case 'r': _sb.Append('\r'); return p + 2;
            case '"': _sb.Append('"'); return p + 2;
            case '\\': _sb.Append('\\'); return p + 2;
            case 'u':
            case 'U':
                int digits = e == 'u' ? 4 : 8;
                int code = 0;
                for (int i = 0; i < digits; i++)
                {
                    int h = p + 2 + i < s.Length ? HexValue(s[p + 2 + i]) : -1;
                    if (h < 0)
                    {
                        _pos = p;
                        throw Error($"invalid \\{e} escape: expected {digits} hex digits");
                    }
                    code = (code << 4) | h;
                }
                if ((uint)code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                {
                    _pos = p;
                    throw Error($"escape \\{s.AsSpan(p + 1, digits + 1)} is not a Unicode scalar value");
                }
                if (code < 0x10000)
                    _sb.Append((char)code);
                else
                {
                    code -= 0x10000;
                    _sb.Append((char)(0xD800 + (code >> 10))).Append((char)(0xDC00 + (code & 0x3FF)));
                }
                return p + 2 + digits;
            default:
                _pos = p;
                throw Error($"invalid escape sequence '\\{(e < 0x20 || e == 0x7F ? "" : e.ToString())}'" +
                    (e < 0x20 || e == 0x7F ? $" (followed by {Describe(p + 1)})" : ""));
        }
    }

    private static int HexValue(char c)
    {
        if ((uint)(c - '0') <= 9)
            return c - '0';
        int l = c | 0x20;
        return (uint)(l - 'a') <= 5 ? l - 'a' + 10 : -1;
    }

    /// <summary>At '"""': a multi-line basic string (CRLF is normalised to LF).</summary>
    private string ParseMultilineBasicString()
    {
        string s = _s;
        var startPos = Pos();
        int p = SkipOpeningNewline(_pos + 3);
        var sb = _sb.Clear();
        int run = p;
        while (true)
        {
            if (p >= s.Length)
                throw Error(startPos, "unterminated multi-line string");
            char c = s[p];
            if (c == '"')
            {
                if (CloseMultiline('"', ref p, run, sb, "multi-line string") is { } done)
                    return done;
                continue;
            }
            if (c == '\\')
            {
                sb.Append(s, run, p - run);
                int q = p + 1;
                while (q < s.Length && (s[q] == ' ' || s[q] == '\t'))
                    q++;
                if (q < s.Length && (s[q] == '\n' || s[q] == '\r'))
                {
                    // line-ending backslash: drop the newline and all following whitespace and newlines
                    p = q;
                    while (p < s.Length)
                    {
                        char w = s[p];
                        if (w == ' ' || w == '\t')
                            p++;
                        else if (w == '\n')
                        {
                            NewLine(p);
                            p++;
                        }
                        else if (w == '\r')
                            p = MultilineCr(p);
                        else
                            break;
                    }
                }
                else
                    p = ParseEscape(p);
                run = p;
                continue;
            }
            if (c < 0x20 || c >= 0x7F)
                p = MultilineSpecial(p, ref run, "multi-line string");
            else
                p++;
        }
    }

    /// <summary>At '\'': a single-line literal string.</summary>
    private string ParseLiteralString()
    {
        string s = _s;
        var startPos = Pos();
        int start = _pos + 1;
        int p = start;
        while (true)
        {
            if (p >= s.Length)
                throw Error(startPos, "unterminated literal string");
            char c = s[p];
            if (c == '\'')
            {
                _pos = p + 1;
                return s.Substring(start, p - start);
            }
            if (c < 0x20 || c >= 0x7F)
            {
                if (c == '\n' || c == '\r')
                    throw Error(startPos, "unterminated literal string (single-line strings cannot contain newlines)");
                p = c == '\t' ? p + 1 : CheckSpecialChar(p, "literal string");
                continue;
            }
            p++;
        }
    }

    /// <summary>At "'''": a multi-line literal string (CRLF is normalised to LF).</summary>
    private string ParseMultilineLiteralString()
    {
        string s = _s;
        var startPos = Pos();
        int p = SkipOpeningNewline(_pos + 3);
        var sb = _sb.Clear();
        int run = p;
        while (true)
        {
            if (p >= s.Length)
                throw Error(startPos, "unterminated multi-line literal string");
            char c = s[p];
            if (c == '\'')
            {
                if (CloseMultiline('\'', ref p, run, sb, "multi-line literal string") is { } done)
                    return done;
                continue;
            }
            if (c < 0x20 || c >= 0x7F)
                p = MultilineSpecial(p, ref run, "multi-line literal string");
            else
                p++;
        }
    }

    /// <summary>Skips a newline directly after the opening delimiter of a multi-line string.</summary>
    private int SkipOpeningNewline(int p)
    {
        if (p < _s.Length && _s[p] == '\n')
        {
            NewLine(p);
            return p + 1;
        }
        if (p < _s.Length && _s[p] == '\r')
            return MultilineCr(p);
        return p;
    }

    /// <summary>At '\r' inside a multi-line string: requires CRLF, counts the line; returns the index after LF.</summary>
    private int MultilineCr(int p)
    {
        if (p + 1 < _s.Length && _s[p + 1] == '\n')
        {
            NewLine(p + 1);
            return p + 2;
        }
        _pos = p;
        throw Error("bare carriage return (CR must be followed by LF)");
    }

    /// <summary>Handles a control or non-ASCII character inside a multi-line string body; returns the next index.</summary>
    private int MultilineSpecial(int p, ref int run, string where)
    {
        char c = _s[p];
        if (c == '\t')
            return p + 1;
        if (c == '\n')
        {
            NewLine(p);
            return p + 1;
        }
        if (c == '\r')
        {
            _sb.Append(_s, run, p - run); // drop the CR of a CRLF
            int next = MultilineCr(p);
            run = p + 1;
            return next;
        }
        return CheckSpecialChar(p, where);
    }

    /// <summary>At a run of quotes inside a multi-line string: null when the run is content
    /// (fewer than three; <paramref name="p"/> moves past it), else the finished string.
    /// Up to two extra quotes belong to the content ("""a""""" is 'a""').</summary>
    private string? CloseMultiline(char quote, ref int p, int run, System.Text.StringBuilder sb, string what)
    {
        string s = _s;
        int q = p;
        while (q < s.Length && s[q] == quote)
            q++;
        int n = q - p;
        if (n < 3)
        {
            p = q;
            return null;
        }
        if (n > 5)
        {
            _pos = p;
            throw Error($"too many quotes at the end of a {what}");
        }
        sb.Append(s, run, p - run).Append(quote, n - 3);
        _pos = q;
        return sb.ToString();
    }
}
