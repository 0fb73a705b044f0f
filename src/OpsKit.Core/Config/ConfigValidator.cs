// Checks a parsed file against the declared tables: unknown keys (with a
// did-you-mean), wrong types, values out of range. Every message names FILE:LINE:COL.
using System.Globalization;
using OpsKit.Core.Toml;

namespace OpsKit.Core.Config;

/// <summary>Validation and conversion of config values.</summary>
public static class ConfigValidator
{
    /// <summary>Throws OpsKitException (exit 78) at the first problem in the file.</summary>
    public static void Validate(TomlTable root, IReadOnlyList<ConfigTable> schemas, string source)
    {
        var errors = Collect(root, schemas, source);
        if (errors.Count > 0) throw OpsKitException.Config(errors[0]);
    }

    /// <summary>Every problem in the document, in document order ("FILE:LINE:COL: what").
    /// Each node is named by its own file (<see cref="TomlNode.Source"/>), else <paramref name="source"/>.</summary>
    public static List<string> Collect(TomlTable root, IReadOnlyList<ConfigTable> schemas, string source)
    {
        var errors = new List<string>();
        foreach (var (name, node) in root)
        {
            var schema = schemas.FirstOrDefault(s => s.Name == name);
            if (schema is null)
            {
                var what = node is TomlTable ? $"unknown table [{name}]" : $"unknown key '{name}' at top level";
                errors.Add(Fail(source, node, what + DidYouMean.Hint(name, schemas.Select(s => s.Name))));
                continue;
            }
            if (node is not TomlTable table)
            {
                errors.Add(Fail(source, node, $"'{name}' must be a table, got {TomlNode.KindName(node)}"));
                continue;
            }
            ValidateTable(table, schema, name, source, errors);
        }
        return errors;
    }

    private static void ValidateTable(TomlTable table, ConfigTable schema, string path, string source, List<string> errors)
    {
        foreach (var (name, node) in table)
        {
            if (schema.Key(name) is { } key)
            {
                var error = Check(key, node);
                if (error is not null) errors.Add(Fail(source, node, $"[{path}] {name}: {error}"));
                continue;
            }
            if (schema.Table(name) is { } sub)
            {
                ValidateNested(node, sub, $"{path}.{name}", source, errors);
                continue;
            }
            errors.Add(Fail(source, node, $"unknown key '{name}' in [{path}]" + DidYouMean.Hint(name, schema.AllNames)));
        }
    }

    private static void ValidateNested(TomlNode node, ConfigTable sub, string path, string source, List<string> errors)
    {
        switch (sub.Kind)
        {
            case ConfigTableKind.Single when node is TomlTable t:
                ValidateTable(t, sub, path, source, errors);
                break;
            case ConfigTableKind.Array when node is TomlArray a && a.All(e => e is TomlTable):
                for (var i = 0; i < a.Count; i++) ValidateTable((TomlTable)a[i], sub, $"{path}[{i}]", source, errors);
                break;
            case ConfigTableKind.Map when node is TomlTable m:
                foreach (var (name, entry) in m)
                {
                    if (entry is not TomlTable et)
                        errors.Add(Fail(source, entry, $"[{path}] {name}: expected a table, got {TomlNode.KindName(entry)}"));
                    else ValidateTable(et, sub, $"{path}.{name}", source, errors);
                }
                break;
            default:
                var expected = sub.Kind == ConfigTableKind.Array ? $"an array of tables [[{path}]]" : $"a table [{path}]";
                errors.Add(Fail(source, node, $"'{path}' must be {expected}, got {TomlNode.KindName(node)}"));
                break;
        }
    }

    /// <summary>Null when the node fits the key, else why not.</summary>
    public static string? Check(ConfigKey key, TomlNode node)
    {
        switch (key.Type)
        {
            case ConfigValueType.String:
                return node is TomlValue { Kind: TomlValueKind.String } ? null : Expected("string", node);
            case ConfigValueType.Choice:
                if (node is not TomlValue { Kind: TomlValueKind.String } c) return Expected("string", node);
                return key.Choices.Contains(c.AsString()) ? null : ChoiceError(key, c.AsString());
            case ConfigValueType.Bool:
                return node is TomlValue { Kind: TomlValueKind.Boolean } ? null : Expected("boolean", node);
            case ConfigValueType.Float:
                return node is TomlValue { Kind: TomlValueKind.Float or TomlValueKind.Integer } ? null : Expected("float", node);
            case ConfigValueType.Integer:
                if (node is not TomlValue { Kind: TomlValueKind.Integer } i) return Expected("integer", node);
                return RangeError(key, i.AsInteger());
            case ConfigValueType.StringList:
                if (node is not TomlArray a) return Expected("array of strings", node);
                return a.All(e => e is TomlValue { Kind: TomlValueKind.String }) ? null : "expected an array of strings";
            default:
                return "unsupported type";
        }
    }

    /// <summary>The CLR value of a validated node.</summary>
    public static object Convert(ConfigKey key, TomlNode node) => key.Type switch
    {
        ConfigValueType.String or ConfigValueType.Choice => ((TomlValue)node).AsString(),
        ConfigValueType.Bool => ((TomlValue)node).AsBoolean(),
        ConfigValueType.Integer => ((TomlValue)node).AsInteger(),
        ConfigValueType.Float => ((TomlValue)node).Kind == TomlValueKind.Integer ? (double)((TomlValue)node).AsInteger() : ((TomlValue)node).AsFloat(),
        ConfigValueType.StringList => ((TomlArray)node).Select(e => ((TomlValue)e).AsString()).ToList(),
        _ => throw new InvalidOperationException(key.Type.ToString()),
    };

    /// <summary>Converts an environment override; throws a config error naming the variable.</summary>
    public static object ConvertEnv(ConfigKey key, string text, string variable)
    {
        string? error = null;
        object? value = null;
        switch (key.Type)
        {
            case ConfigValueType.String: value = text; break;
            case ConfigValueType.Choice:
                if (key.Choices.Contains(text)) value = text; else error = ChoiceError(key, text);
                break;
            case ConfigValueType.Bool:
                if (text is "1" or "true" or "yes") value = true;
                else if (text is "0" or "false" or "no") value = false;
                else error = "expected true or false";
                break;
            case ConfigValueType.Integer:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) { value = l; error = RangeError(key, l); }
                else error = "expected an integer";
                break;
            case ConfigValueType.Float:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) value = d; else error = "expected a number";
                break;
            case ConfigValueType.StringList:
                value = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                break;
        }
        if (error is not null || value is null) throw OpsKitException.Config($"environment {variable}={text}: {error ?? "invalid"}");
        return value;
    }

    /// <summary>OPSKIT_&lt;TABLE&gt;_&lt;KEY&gt;, e.g. OPSKIT_MAIL_TO.</summary>
    public static string EnvName(string table, string key) =>
        ("OPSKIT_" + table + "_" + key).ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    private static string? RangeError(ConfigKey key, long v) =>
        v < key.Min || v > key.Max ? $"{v} is out of range ({key.Min}..{key.Max})" : null;

    private static string ChoiceError(ConfigKey key, string v) =>
        $"'{v}' is not one of {string.Join(", ", key.Choices)}" + DidYouMean.Hint(v, key.Choices);

    private static string Expected(string what, TomlNode node) => $"expected {what}, got {TomlNode.KindName(node)}";

    private static string Fail(string source, TomlNode node, string message) =>
        $"{node.Source ?? source}:{node.Position.Line}:{node.Position.Column}: {message}";
}
