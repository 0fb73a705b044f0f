// opskit aide config: print a starting aide.conf for AIDE 0.18; --check runs
// "aide --config-check" on it first and fails with AIDE's error.
using System.CommandLine;
using OpsKit.Aide;
using OpsKit.Core;

namespace OpsKit.Commands.Aide;

/// <summary>"aide config".</summary>
public static class AideConfigCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var home = new Option<bool>("--home") { Description = "Check /home too." };
        var check = new Option<bool>("--check") { Description = "Validate the text with 'aide --config-check' before printing it." };
        var command = new Command("config", "Print a starting aide.conf: SHA-256, size, mode and owner for system paths, owner only for logs, noisy paths left out.") { home, check };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "aide");
            var settings = AideCommand.Settings(host);
            var text = AideConfigTemplate.Render(settings, parse.GetValue(home));
            if (parse.GetValue(check))
            {
                var file = Path.Combine(Path.GetTempPath(), $"opskit-aide-{Environment.ProcessId}.conf");
                try
                {
                    await File.WriteAllTextAsync(file, text, ct).ConfigureAwait(false);
                    if (await new AideManager(host.Context, settings).ConfigCheckAsync(file, ct).ConfigureAwait(false) is { } error)
                        throw OpsKitException.Config($"the generated aide.conf does not pass aide --config-check: {error}");
                }
                finally
                {
                    File.Delete(file);
                }
            }
            parse.Out.Write(text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
