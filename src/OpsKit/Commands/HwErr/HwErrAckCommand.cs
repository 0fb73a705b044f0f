// opskit hwerr ack: acknowledge the uncorrected errors a live check keeps CRITICAL (after the
// DIMM was replaced or the event investigated); the next check judges only what is new.
using System.CommandLine;
using System.Globalization;
using OpsKit.Core;
using OpsKit.HwErr;

namespace OpsKit.Commands.HwErr;

/// <summary>"hwerr ack".</summary>
public static class HwErrAckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var state = HwErrOptions.State();
        var command = new Command("ack", "Acknowledge the uncorrected errors that keep live checks CRITICAL.") { state };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "hwerr");
            var path = parse.GetValue(state) ?? HwErrOptions.Settings(host).StateFile;
            var acked = HwErrChecker.Acknowledge(path);
            foreach (var p in acked)
                parse.Out.WriteLine($"acknowledged {p.What}: {p.Count} (seen {p.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC)");
            parse.Out.WriteLine(acked.Count == 0 ? $"nothing to acknowledge in {path}" : $"{acked.Count} acknowledged in {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
