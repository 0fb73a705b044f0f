// A value pattern of a policy, compiled on first use: the hook decides most
// commands without one, and building regular expressions is a visible part of its start-up.
using System.Text.RegularExpressions;
using OpsKit.Core;

namespace OpsKit.SshGuard.Policy;

/// <summary>An anchored regular expression for option values.</summary>
public sealed class ValuePattern
{
    private readonly string _where;

    // Not Lazy<Regex>: a generic field over Regex would load the regex assembly with every policy.
    private Regex? _regex;

    /// <summary>Creates the pattern; <paramref name="where"/> (FILE:LINE:COL) names it in errors.</summary>
    public ValuePattern(string text, string where)
    {
        Text = text;
        _where = where;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Compiles now (policy checks), throwing a config error when the pattern is invalid.</summary>
    public void Check() => _ = Compiled();

    /// <summary>True when the whole value matches.</summary>
    public bool IsMatch(string value) => Compiled().IsMatch(value);

    private Regex Compiled()
    {
        if (_regex is not null) return _regex;
        try
        {
            return _regex = new Regex($"\\A(?:{Text})\\z", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            throw OpsKitException.Config($"{_where}: invalid regular expression: {e.Message}");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
