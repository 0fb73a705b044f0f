// The PATH rpmbuild runs with. A version manager's shims first in PATH (pyenv on
// these hosts: /root/.pyenv/shims/python3) are what configure finds for
// AC_PATH_PROG(PYTHON) and writes into installed scripts' #! lines (units 2.22:
// units_cur, rpmlint wrong-script-interpreter). A distribution build runs with the
// system's interpreters, so their folders are dropped.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Build;

/// <summary>PATH for package builds.</summary>
public static partial class BuildPath
{
    /// <summary><paramref name="path"/> without the folders of pyenv, rbenv, nodenv, asdf, conda or a Python virtualenv;
    /// null when nothing is dropped (the environment stays as it is).</summary>
    public static string? WithoutShims(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var dirs = path.Split(':');
        var kept = dirs.Where(d => !Shim().IsMatch(d)).ToArray();
        return kept.Length == dirs.Length ? null : string.Join(':', kept);
    }

    [GeneratedRegex(@"/\.(pyenv|rbenv|nodenv|asdf|conda)(/|$)|/(shims|miniconda\d*|anaconda\d*)(/|$)|/venv/bin$|/\.venv/bin$")]
    private static partial Regex Shim();
}
