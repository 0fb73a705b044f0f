// Examples and exit statuses of opskit-config(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Config;

/// <summary>The config page's EXAMPLES and EXIT STATUS.</summary>
public static class ConfigExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit config check", "Validate /etc/opskit/opskit.toml, its drop-ins in /etc/opskit/opskit.d and the OPSKIT_* environment; every error is listed."),
        new("opskit --config /tmp/new.toml config check", "Validate another file (and its drop-ins in /tmp/new.d) before installing it."),
        new("opskit config show", "Every setting, its value and the file, line and column (or variable) it came from."),
        new("opskit config toml-decode", "The toml-test decoder interface: TOML on stdin, tagged JSON on stdout."),
    ],
    [
        (ExitCodes.Ok, "the configuration is valid"),
        (ExitCodes.Failed, "toml-decode: the input is not valid TOML"),
        (ExitCodes.Usage, "the command line is wrong"),
        (ExitCodes.Config, "the configuration is wrong; each error names FILE:LINE:COL or the variable"),
    ]);
}
