// TomlReader: public entry points (text, UTF-8 bytes, file) of the TOML 1.0 reader.
using System.Text;
using System.Text.Unicode;

namespace OpsKit.Toml;

/// <summary>Parses TOML 1.0 documents. All failures are reported as <see cref="TomlException"/> with line and column.</summary>
public static class TomlReader
{
    /// <summary>Parses TOML text. A leading BOM (U+FEFF) is allowed. <paramref name="source"/> names the document in error messages.</summary>
    public static TomlTable Parse(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlParser(text, source).Parse();
    }

    /// <summary>Parses UTF-8 encoded TOML. Invalid UTF-8 is rejected with its position; a leading UTF-8 BOM is allowed.</summary>
    public static TomlTable Parse(ReadOnlySpan<byte> utf8, string? source = null)
    {
        if (!Utf8.IsValid(utf8))
            throw InvalidUtf8(utf8, source);
        return Parse(Encoding.UTF8.GetString(utf8), source);
    }

    /// <summary>Reads and parses a UTF-8 TOML file; errors name the file as their source.</summary>
    public static TomlTable ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    private static TomlException InvalidUtf8(ReadOnlySpan<byte> utf8, string? source)
    {
        int line = 1, column = 1, i = 0;
        if (utf8.StartsWith("\uFEFF"u8))
            i = 3;
        while (i < utf8.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(utf8[i..], out var rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
                return new TomlException(source, line, column, $"invalid UTF-8 byte 0x{utf8[i]:X2}");
            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
                column++;
            i += consumed;
        }
        return new TomlException(source, line, column, "invalid UTF-8");
    }
}
