// Parses TOML 1.1 with Tomlyn and turns its syntax tree into TomlTable/TomlArray/TomlValue
// with positions. Tomlyn's validating parse (SyntaxParser.Parse(validate: true)) catches
// syntax errors, duplicate keys and table redefinitions; a document with any error is
// rejected here, so building the tables below never meets a conflict. No reflection:
// the tree is read by hand, which keeps the Native AOT build free of trim warnings.
using System.Text;
using System.Text.Unicode;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace OpsKit.Core.Toml;

/// <summary>Parses TOML 1.1 documents. Every failure is a <see cref="TomlException"/> with line and column.</summary>
public static class TomlReader
{
    /// <summary>Parses TOML text. <paramref name="source"/> names the document in error messages.</summary>
    public static TomlTable Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, source ?? "", validate: true);
        }
        catch (Tomlyn.TomlException e)
        {
            // Thrown rather than reported, without a position, when arrays or inline tables nest deeper than
            // Tomlyn's limit (64): point at the bracket that goes past it.
            var (line, column) = e.Line is { } l ? (l, e.Column ?? 1) : DeepestBracket(text, MaxDepth);
            throw new TomlException(source, line, column, e.Message);
        }
        if (document.HasErrors)
        {
            var first = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new TomlException(source, first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message);
        }
        var root = Build(document);
        if (source is not null) SetSource(root, source);
        return root;
    }

    private static void SetSource(TomlNode node, string source)
    {
        node.Source = source;
        switch (node)
        {
            case TomlTable t: foreach (var (_, child) in t) SetSource(child, source); break;
            case TomlArray a: foreach (var child in a) SetSource(child, source); break;
        }
    }

    /// <summary>Parses UTF-8 encoded TOML. Invalid UTF-8 is rejected with its position; a leading UTF-8 BOM is allowed.</summary>
    public static TomlTable Parse(ReadOnlySpan<byte> utf8, string? source = null)
    {
        if (!Utf8.IsValid(utf8)) throw InvalidUtf8(utf8, source);
        // Tomlyn skips one leading U+FEFF itself; a second one is an error.
        return Parse(Encoding.UTF8.GetString(utf8), source);
    }

    /// <summary>Reads and parses a UTF-8 TOML file; errors name the file as their source.</summary>
    public static TomlTable ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    private static TomlTable Build(DocumentSyntax document)
    {
        var root = new TomlTable(new TomlPosition(1, 1));
        foreach (var kv in document.KeyValues) AddKeyValue(root, kv);
        foreach (var header in document.Tables)
        {
            var position = At(header);
            var path = KeyParts(header.Name!);
            var parent = root;
            for (var i = 0; i < path.Count - 1; i++) parent = Descend(parent, path[i].Name, position);
            var name = path[^1].Name;
            TomlTable table;
            if (header is TableArraySyntax)
            {
                if (!parent.TryGetValue(name, out var existing))
                {
                    existing = new TomlArray(position, isArrayOfTables: true);
                    parent.Add(name, existing);
                }
                table = new TomlTable(position);
                ((TomlArray)existing).Add(table);
            }
            else if (parent.TryGetValue(name, out var implicitTable))
            {
                // Created earlier as part of a longer header ([a.b] before [a]); its own header defines it now.
                table = (TomlTable)implicitTable;
                table.Position = position;
            }
            else
            {
                table = new TomlTable(position);
                parent.Add(name, table);
            }
            foreach (var kv in header.Items) AddKeyValue(table, kv);
        }
        return root;
    }

    /// <summary>The table under <paramref name="name"/> (the last element of an array of tables), created if absent.</summary>
    private static TomlTable Descend(TomlTable parent, string name, TomlPosition position)
    {
        if (parent.TryGetValue(name, out var node))
            return node as TomlTable ?? (TomlTable)((TomlArray)node)[^1];
        var table = new TomlTable(position);
        parent.Add(name, table);
        return table;
    }

    private static void AddKeyValue(TomlTable table, KeyValueSyntax kv)
    {
        // A value and each table a dotted key creates are at their own part of the key: "dev.name": dev at d, name at n.
        var path = KeyParts(kv.Key!);
        for (var i = 0; i < path.Count - 1; i++) table = Descend(table, path[i].Name, path[i].Position);
        table.Add(path[^1].Name, Value(kv.Value!, path[^1].Position));
    }

    private static TomlNode Value(ValueSyntax value, TomlPosition position)
    {
        switch (value)
        {
            case StringValueSyntax s: return new TomlValue(position, TomlValueKind.String, s.Value!);
            case IntegerValueSyntax i: return new TomlValue(position, TomlValueKind.Integer, i.Value);
            case FloatValueSyntax f: return new TomlValue(position, TomlValueKind.Float, f.Value);
            case BooleanValueSyntax b: return new TomlValue(position, TomlValueKind.Boolean, b.Value);
            case DateTimeValueSyntax d:
                var kind = d.Kind switch
                {
                    SyntaxKind.OffsetDateTimeByZ or SyntaxKind.OffsetDateTimeByNumber => TomlValueKind.OffsetDateTime,
                    SyntaxKind.LocalDateTime => TomlValueKind.LocalDateTime,
                    SyntaxKind.LocalDate => TomlValueKind.LocalDate,
                    _ => TomlValueKind.LocalTime,
                };
                return new TomlValue(position, kind, d.Value);
            case ArraySyntax a:
                var array = new TomlArray(position, isArrayOfTables: false);
                foreach (var item in a.Items) array.Add(Value(item.Value!, At(item.Value!)));
                return array;
            case InlineTableSyntax t:
                var table = new TomlTable(position);
                foreach (var item in t.Items) AddKeyValue(table, item.KeyValue!);
                return table;
            default:
                throw new InvalidOperationException($"unexpected TOML syntax node {value.Kind}");
        }
    }

    private static List<(string Name, TomlPosition Position)> KeyParts(KeySyntax key)
    {
        var parts = new List<(string, TomlPosition)> { (KeyText(key.Key!), At(key.Key!)) };
        foreach (var dotted in key.DotKeys) parts.Add((KeyText(dotted.Key!), At(dotted.Key!)));
        return parts;
    }

    private static string KeyText(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key!.Text!,
        StringValueSyntax quoted => quoted.Value!,
        _ => throw new InvalidOperationException($"unexpected TOML key node {key.Kind}"),
    };

    private const int MaxDepth = 64;

    /// <summary>1-based line and column of the first '[' or '{' that opens more than <paramref name="limit"/> levels
    /// (strings and comments skipped), or (1, 1).</summary>
    internal static (int Line, int Column) DeepestBracket(string text, int limit)
    {
        int depth = 0, line = 1, lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '#')
            {
                while (i + 1 < text.Length && text[i + 1] != '\n') i++;
            }
            else if (c is '"' or '\'')
            {
                var quote = new string(c, text.AsSpan(i).StartsWith(new string(c, 3)) ? 3 : 1);
                var end = i + quote.Length;
                while (end < text.Length && !text.AsSpan(end).StartsWith(quote))
                {
                    if (text[end] == '\\' && c == '"') end++;
                    else if (text[end] == '\n') { line++; lineStart = end + 1; }
                    end++;
                }
                i = end + quote.Length - 1;
            }
            else if (c is '[' or '{')
            {
                if (++depth > limit) return (line, i - lineStart + 1);
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }
        return (1, 1);
    }

    private static TomlPosition At(SyntaxNode node) => new(node.Span.Start.Line + 1, node.Span.Start.Column + 1);

    private static TomlException InvalidUtf8(ReadOnlySpan<byte> utf8, string? source)
    {
        int line = 1, column = 1, i = 0;
        if (utf8.StartsWith("\uFEFF"u8)) i = 3;
        while (i < utf8.Length)
        {
            var status = Rune.DecodeFromUtf8(utf8[i..], out var rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
                return new TomlException(source, line, column, $"invalid UTF-8 byte 0x{utf8[i]:X2}");
            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
            i += consumed;
        }
        return new TomlException(source, line, column, "invalid UTF-8");
    }
}
