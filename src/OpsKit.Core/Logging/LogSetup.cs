// Picks the sinks for a run: stderr when interactive; syslog (falling back to
// the file or stderr, said once) under cron, daemons and forced commands.
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OpsKit.Core.Logging;

/// <summary>Builds the logger factory for a run mode.</summary>
public static class LogSetup
{
    /// <summary>Creates the factory.</summary>
    /// <param name="mode">Run mode.</param>
    /// <param name="settings">The [log] settings.</param>
    /// <param name="ident">Syslog ident of the tool (sshval, vbladed, raidchk...).</param>
    /// <param name="verbosity">0 = warnings on stderr, 1 = info (-v), 2 = debug (-vv / --debug).</param>
    /// <param name="stderr">Where interactive messages go (Console.Error by default).</param>
    public static SinkLoggerFactory Create(RunMode mode, LogSettings settings, string ident, int verbosity = 0, TextWriter? stderr = null)
    {
        var identity = LogIdentity.ForThisProcess(ident);
        var sinks = new List<ILogSink>();
        var notes = new List<string>();
        var interactiveLevel = verbosity switch { <= 0 => LogLevel.Warning, 1 => LogLevel.Information, _ => LogLevel.Debug };
        var fileLevel = verbosity >= 2 ? LogLevel.Debug : settings.Level;
        var stderrAllowed = mode != RunMode.ForcedCommand;

        if (mode == RunMode.Interactive) sinks.Add(new StderrSink(interactiveLevel, stderr, showStack: verbosity > 0));

        ILogSink? file = null;
        var quietNotes = false;
        if (settings.File.Length > 0)
        {
            try
            {
                file = new FileSink(settings.File, identity, fileLevel);
                sinks.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notes.Add($"cannot open log file {settings.File}: {e.Message}");
            }
        }

        var wantSyslog = settings.Syslog && (mode != RunMode.Interactive || settings.SyslogInteractive);
        if (wantSyslog)
        {
            try
            {
                sinks.Add(new SyslogSink(settings.SyslogSocket, identity, settings.Facility < 0 ? 1 : settings.Facility, fileLevel));
            }
            catch (SocketException e)
            {
                // Under cron every byte on stderr becomes a mail: only warnings and errors of the run go there then,
                // never the note about syslog itself (hosts without /dev/log are common: containers, minimal VMs).
                var cron = mode == RunMode.Cron;
                var fallback = file is not null ? $"the log file {settings.File}" : !stderrAllowed ? "nowhere (no log file set)"
                    : cron ? "stderr, warnings and errors only (no log file set)" : "stderr";
                var why = File.Exists(settings.SyslogSocket) ? e.Message : "it does not exist";
                notes.Add($"syslog socket {settings.SyslogSocket} unavailable ({why}); logging to {fallback}");
                if (file is null && stderrAllowed && mode != RunMode.Interactive)
                    sinks.Add(new StderrSink(cron ? LogLevel.Warning : fileLevel, stderr));
                quietNotes = cron;
            }
        }

        var factory = new SinkLoggerFactory(sinks);
        if (quietNotes)
        {
            // The note goes to the log file when there is one, not to a cron mail.
            var log = factory.CreateLogger("opskit");
            foreach (var n in notes) (file is null ? null : log)?.LogInformation("{Note}", n);
            notes.Clear();
        }
        if (notes.Count > 0)
        {
            var log = factory.CreateLogger("opskit");
            foreach (var n in notes) log.LogWarning("{Note}", n);
            // Said once, also where a person looks, unless that would reach an ssh client
            // or a stderr sink already carried it.
            if (stderrAllowed && mode != RunMode.Interactive && !sinks.Any(s => s is StderrSink))
            {
                foreach (var n in notes) (stderr ?? Console.Error).WriteLine($"opskit: warning: {n}");
            }
        }
        return factory;
    }
}
