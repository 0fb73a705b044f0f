// TomlParser: the single-pass scanner/parser core: document structure, keys, tables, arrays and inline tables.
// Scalars live in the other TomlParser.*.cs partial files.
using System.Text;

namespace OpsKit.Toml;

/// <summary>Hand-written single-pass TOML 1.0 parser over a UTF-16 string.</summary>
internal sealed partial class TomlParser
{
    /// <summary>Maximum nesting of arrays and inline tables inside one value.</summary>
    internal const int MaxDepth = 128;

    private readonly string _s;
    private readonly string? _source;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _lineSurrogates; // low surrogates consumed on the current line, so columns count characters
    private readonly List<string> _keys = new(8);
    private readonly List<TomlPosition> _keyPositions = new(8);
    private readonly StringBuilder _sb = new();

    internal TomlParser(string text, string? source)
    {
        _s = text;
        _source = source;
    }

    internal TomlTable Parse()
    {
        var root = new TomlTable(new TomlPosition(1, 1), TableOrigin.Root);
        var current = root;
        if (_s.Length > 0 && _s[0] == '\uFEFF')
            _pos = _lineStart = 1;
        string s = _s;
        while (true)
        {
            SkipWs();
            if (_pos >= s.Length)
                break;
            char c = s[_pos];
            if (c == '\n')
            {
                NewLine(_pos);
                _pos++;
                continue;
            }
            if (c == '\r')
            {
                ExpectCrLf();
                continue;
            }
            if (c == '#')
            {
                SkipComment();
                continue;
            }
            if (c == '[')
                current = ParseHeader(root);
            else
                ParseKeyValue(current, 0);
            ExpectEndOfLine();
        }
        return root;
    }

    // ---- positions and errors ----

    private TomlPosition Pos() => new(_line, _pos - _lineStart - _lineSurrogates + 1);

    private void NewLine(int newlineIndex)
    {
        _line++;
        _lineStart = newlineIndex + 1;
        _lineSurrogates = 0;
    }

    private TomlException Error(string reason) => Error(Pos(), reason);

    private TomlException Error(TomlPosition p, string reason) => new(_source, p.Line, p.Column, reason);

    private string Describe(int index)
    {
        if (index >= _s.Length)
            return "end of file";
        char c = _s[index];
        return c switch
        {
            '\n' => "newline",
            '\r' => "carriage return",
            '\t' => "tab",
            _ when c < 0x20 || c == 0x7F => $"control character U+{(int)c:X4}",
            _ when char.IsSurrogate(c) => "character '" + (index + 1 < _s.Length ? _s.Substring(index, 2) : "?") + "'",
            _ => $"'{c}'",
        };
    }

    private TomlException Unexpected(string expected) => Error($"expected {expected}, found {Describe(_pos)}");

    // ---- whitespace, comments, newlines ----

    private void SkipWs()
    {
        string s = _s;
        int p = _pos;
        while (p < s.Length && (s[p] == ' ' || s[p] == '\t'))
            p++;
        _pos = p;
    }

    /// <summary>At '\r': consumes CRLF as a newline or rejects a bare CR.</summary>
    private void ExpectCrLf()
    {
        if (_pos + 1 < _s.Length && _s[_pos + 1] == '\n')
        {
            NewLine(_pos + 1);
            _pos += 2;
            return;
        }
        throw Error("bare carriage return (CR must be followed by LF)");
    }

    /// <summary>At '#': skips to (not past) the end of the line, rejecting control characters.</summary>
    private void SkipComment()
    {
        string s = _s;
        int p = _pos + 1;
        while (p < s.Length)
        {
            char c = s[p];
            if (c < 0x20 || c >= 0x7F)
            {
                if (c == '\n' || c == '\r')
                    break;
                if (c != '\t')
                    p = CheckSpecialChar(p, "comment");
                else
                    p++;
                continue;
            }
            p++;
        }
        _pos = p;
    }

    /// <summary>
    /// Checks a character at index <paramref name="p"/> that is a control, DEL or non-ASCII character inside a comment or string:
    /// control characters are errors, surrogate pairs are counted for columns. Returns the index after the character.
    /// </summary>
    private int CheckSpecialChar(int p, string where)
    {
        char c = _s[p];
        if (c < 0x80)
        {
            _pos = p;
            throw Error($"{Describe(p)} is not allowed in a {where}");
        }
        if (char.IsHighSurrogate(c) && p + 1 < _s.Length && char.IsLowSurrogate(_s[p + 1]))
        {
            _lineSurrogates++;
            return p + 2;
        }
        if (char.IsSurrogate(c))
        {
            _pos = p;
            throw Error($"unpaired surrogate U+{(int)c:X4} in a {where}");
        }
        return p + 1;
    }

    /// <summary>After a key/value pair or header: optional whitespace and comment, then newline or end of file.</summary>
    private void ExpectEndOfLine()
    {
        SkipWs();
        if (_pos >= _s.Length)
            return;
        char c = _s[_pos];
        if (c == '#')
        {
            SkipComment();
            if (_pos >= _s.Length)
                return;
            c = _s[_pos];
        }
        if (c == '\n' || c == '\r')
            return; // the main loop consumes it (and rejects a bare CR)
        throw Unexpected("newline or end of file");
    }

    /// <summary>Skips whitespace, newlines and comments (inside arrays).</summary>
    private void SkipWsCommentsNewlines()
    {
        while (true)
        {
            SkipWs();
            if (_pos >= _s.Length)
                return;
            char c = _s[_pos];
            if (c == '\n')
            {
                NewLine(_pos);
                _pos++;
            }
            else if (c == '\r')
                ExpectCrLf();
            else if (c == '#')
                SkipComment();
            else
                return;
        }
    }

    // ---- keys ----

    private static bool IsBareKeyChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' || c == '-';

    /// <summary>Reads a (possibly dotted) key into <see cref="_keys"/>/<see cref="_keyPositions"/>; stops at the first non-key character.</summary>
    private void ParseKeyPath()
    {
        _keys.Clear();
        _keyPositions.Clear();
        while (true)
        {
            SkipWs();
            _keyPositions.Add(Pos());
            _keys.Add(ParseKeySegment());
            SkipWs();
            if (_pos < _s.Length && _s[_pos] == '.')
            {
                _pos++;
                continue;
            }
            return;
        }
    }

    private string ParseKeySegment()
    {
        string s = _s;
        if (_pos >= s.Length)
            throw Unexpected("a key");
        char c = s[_pos];
        if (c == '"')
        {
            if (_pos + 2 < s.Length && s[_pos + 1] == '"' && s[_pos + 2] == '"')
                throw Error("multi-line strings cannot be used as keys");
            return ParseBasicString();
        }
        if (c == '\'')
        {
            if (_pos + 2 < s.Length && s[_pos + 1] == '\'' && s[_pos + 2] == '\'')
                throw Error("multi-line strings cannot be used as keys");
            return ParseLiteralString();
        }
        int start = _pos;
        int p = start;
        while (p < s.Length && IsBareKeyChar(s[p]))
            p++;
        if (p == start)
            throw Unexpected("a key");
        _pos = p;
        return s.Substring(start, p - start);
    }

    // ---- headers ----

    private TomlTable ParseHeader(TomlTable root)
    {
        var headerPos = Pos();
        _pos++;
        bool isArray = _pos < _s.Length && _s[_pos] == '[';
        if (isArray)
            _pos++;
        ParseKeyPath();
        if (_pos >= _s.Length || _s[_pos] != ']')
            throw Unexpected(isArray ? "']]' to close the array-of-tables header" : "']' to close the table header");
        _pos++;
        if (isArray)
        {
            if (_pos >= _s.Length || _s[_pos] != ']')
                throw Unexpected("']]' to close the array-of-tables header");
            _pos++;
        }

        var table = root;
        int last = _keys.Count - 1;
        for (int i = 0; i < last; i++)
        {
            string key = _keys[i];
            if (!table.TryGetValue(key, out var node))
            {
                var t = new TomlTable(headerPos, TableOrigin.Implicit);
                table.Add(key, t);
                table = t;
            }
            else if (node is TomlTable { IsInline: false } sub)
                table = sub;
            else if (node is TomlArray { IsArrayOfTables: true } aot)
                table = (TomlTable)aot.Last;
            else
                throw Error(_keyPositions[i], $"cannot define a table under '{KeyText(i)}': it is already defined as {Article(node)} at {node.Position}");
        }

        string name = _keys[last];
        table.TryGetValue(name, out var existing);
        if (isArray)
        {
            TomlArray array;
            if (existing is null)
            {
                array = new TomlArray(headerPos, isArrayOfTables: true);
                table.Add(name, array);
            }
            else if (existing is TomlArray { IsArrayOfTables: true } a)
                array = a;
            else
                throw Error(_keyPositions[last], $"cannot define array of tables '{KeyText(last)}': it is already defined as {Article(existing)} at {existing.Position}");
            var element = new TomlTable(headerPos, TableOrigin.Header);
            array.Add(element);
            return element;
        }
        if (existing is null)
        {
            var t = new TomlTable(headerPos, TableOrigin.Header);
            table.Add(name, t);
            return t;
        }
        if (existing is TomlTable { Origin: TableOrigin.Implicit } implicitTable)
        {
            implicitTable.Origin = TableOrigin.Header;
            implicitTable.Position = headerPos;
            return implicitTable;
        }
        throw Error(_keyPositions[last], existing is TomlTable
            ? $"table '{KeyText(last)}' is already defined at {existing.Position}"
            : $"cannot define table '{KeyText(last)}': it is already defined as {Article(existing)} at {existing.Position}");
    }

    private string KeyText(int lastIndex)
    {
        var sb = new StringBuilder();
        for (int i = 0; i <= lastIndex; i++)
        {
            if (i > 0)
                sb.Append('.');
            string k = _keys[i];
            bool bare = k.Length > 0;
            foreach (char c in k)
                bare &= IsBareKeyChar(c);
            if (bare)
                sb.Append(k);
            else
                sb.Append('"').Append(k.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
        }
        return sb.ToString();
    }

    private static string Article(TomlNode node) => node switch
    {
        TomlTable { IsInline: true } => "an inline table",
        TomlTable => "a table",
        TomlArray { IsArrayOfTables: true } => "an array of tables",
        TomlArray => "an array",
        TomlValue v when v.Kind == TomlValueKind.Integer => "an integer",
        TomlValue v => "a " + v.Describe(),
        _ => "a value",
    };

    // ---- key/value pairs ----

    /// <summary>Parses <c>key = value</c> into <paramref name="current"/>.</summary>
    private void ParseKeyValue(TomlTable current, int depth)
    {
        ParseKeyPath();
        var table = current;
        int last = _keys.Count - 1;
        for (int i = 0; i < last; i++)
        {
            string key = _keys[i];
            if (!table.TryGetValue(key, out var node))
            {
                var t = new TomlTable(_keyPositions[i], TableOrigin.Dotted);
                table.Add(key, t);
                table = t;
            }
            else if (node is TomlTable { Origin: TableOrigin.Dotted or TableOrigin.Implicit } sub)
            {
                // A table only implied by a header path (a.b for [a.b.c]) may be extended by dotted keys;
                // from then on it counts as defined by them, so a later [a.b] header is a redefinition.
                sub.Origin = TableOrigin.Dotted;
                table = sub;
            }
            else
                throw Error(_keyPositions[i], $"cannot add to '{KeyText(i)}' with a dotted key: it is already defined as {Article(node)} at {node.Position}");
        }
        string name = _keys[last];
        var keyPos = _keyPositions[last];
        if (table.TryGetValue(name, out var existing))
            throw Error(keyPos, $"duplicate key '{KeyText(last)}' (first defined at {existing.Position})");
        if (_pos >= _s.Length || _s[_pos] != '=')
            throw Unexpected("'=' after the key");
        _pos++;
        SkipWs();
        var value = ParseValue(keyPos, depth);
        table.Add(name, value);
    }

    // ---- values ----

    private TomlNode ParseValue(TomlPosition position, int depth)
    {
        string s = _s;
        if (_pos >= s.Length)
            throw Unexpected("a value");
        char c = s[_pos];
        switch (c)
        {
            case '"':
                return new TomlValue(position, TomlValueKind.String,
                    _pos + 2 < s.Length && s[_pos + 1] == '"' && s[_pos + 2] == '"' ? ParseMultilineBasicString() : ParseBasicString());
            case '\'':
                return new TomlValue(position, TomlValueKind.String,
                    _pos + 2 < s.Length && s[_pos + 1] == '\'' && s[_pos + 2] == '\'' ? ParseMultilineLiteralString() : ParseLiteralString());
            case 't':
                if (string.CompareOrdinal(s, _pos, "true", 0, 4) == 0)
                {
                    _pos += 4;
                    return new TomlValue(position, TomlValueKind.Boolean, TomlValue.BoxedTrue);
                }
                break;
            case 'f':
                if (string.CompareOrdinal(s, _pos, "false", 0, 5) == 0)
                {
                    _pos += 5;
                    return new TomlValue(position, TomlValueKind.Boolean, TomlValue.BoxedFalse);
                }
                break;
            case '[':
                return ParseArray(position, depth + 1);
            case '{':
                return ParseInlineTable(position, depth + 1);
        }
        if ((uint)(c - '0') <= 9 || c == '+' || c == '-' || c == 'i' || c == 'n')
            return ParseNumberOrDateTime(position);
        throw Unexpected("a value");
    }

    private TomlArray ParseArray(TomlPosition position, int depth)
    {
        if (depth > MaxDepth)
            throw Error($"arrays and inline tables are nested too deeply (limit {MaxDepth})");
        var array = new TomlArray(position, isArrayOfTables: false);
        _pos++;
        while (true)
        {
            SkipWsCommentsNewlines();
            if (_pos < _s.Length && _s[_pos] == ']')
            {
                _pos++;
                return array;
            }
            array.Add(ParseValue(Pos(), depth));
            SkipWsCommentsNewlines();
            if (_pos >= _s.Length)
                throw Unexpected("',' or ']' in the array");
            char c = _s[_pos];
            if (c == ',')
                _pos++;
            else if (c == ']')
            {
                _pos++;
                return array;
            }
            else
                throw Unexpected("',' or ']' in the array");
        }
    }

    private TomlTable ParseInlineTable(TomlPosition position, int depth)
    {
        if (depth > MaxDepth)
            throw Error($"arrays and inline tables are nested too deeply (limit {MaxDepth})");
        var table = new TomlTable(position, TableOrigin.Inline);
        _pos++;
        SkipWs();
        if (_pos < _s.Length && _s[_pos] == '}')
        {
            _pos++;
            return table;
        }
        while (true)
        {
            CheckNoNewlineInInlineTable();
            ParseKeyValue(table, depth);
            SkipWs();
            if (_pos >= _s.Length)
                throw Unexpected("',' or '}' in the inline table");
            char c = _s[_pos];
            if (c == ',')
            {
                _pos++;
                SkipWs();
                if (_pos < _s.Length && _s[_pos] == '}')
                    throw Error("trailing comma is not allowed in an inline table");
                continue;
            }
            if (c == '}')
            {
                _pos++;
                table.SealInline();
                return table;
            }
            CheckNoNewlineInInlineTable();
            throw Unexpected("',' or '}' in the inline table");
        }
    }

    private void CheckNoNewlineInInlineTable()
    {
        SkipWs();
        if (_pos < _s.Length && (_s[_pos] == '\n' || _s[_pos] == '\r' || _s[_pos] == '#'))
            throw Error("newlines and comments are not allowed inside an inline table");
    }
}
