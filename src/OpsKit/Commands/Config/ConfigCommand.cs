// opskit config: check, show, toml-decode.
using System.CommandLine;

namespace OpsKit.Commands.Config;

/// <summary>The "config" area.</summary>
public static class ConfigCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("config", "Check and show the configuration; decode TOML.")
    {
        ConfigCheckCommand.Create(),
        ConfigShowCommand.Create(),
        TomlDecodeCommand.Create(),
    };
}
