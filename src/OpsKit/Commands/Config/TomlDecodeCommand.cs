// opskit config toml-decode: the toml-test decoder interface. TOML on stdin,
// tagged JSON on stdout, exit 1 with the error on stderr for invalid input.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Toml;

namespace OpsKit.Commands.Config;

/// <summary>"config toml-decode".</summary>
public static class TomlDecodeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("toml-decode", "Read TOML on stdin, print toml-test tagged JSON (exit 1 on invalid TOML).");
        command.SetAction(parse =>
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            try
            {
                var table = TomlReader.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "-");
                parse.Out.WriteLine(TomlTaggedJson.Write(table));
                return ExitCodes.Ok;
            }
            catch (TomlException e)
            {
                parse.Error.WriteLine($"opskit: {e.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
