// What a command handler gets: the merged config, a SystemContext whose
// loggers fit the run mode, stdout, and the exit-code helpers. Built once per run.
using System.CommandLine;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Core.Logging;
using OpsKit.Core.Mail;

namespace OpsKit;

/// <summary>The per-run services a command uses.</summary>
public sealed class CommandHost : IDisposable
{
    private readonly SinkLoggerFactory _loggers;

    private CommandHost(OpsKitConfig config, SystemContext context, SinkLoggerFactory loggers, int verbosity, string ident)
    {
        Config = config;
        Context = context;
        _loggers = loggers;
        Verbosity = verbosity;
        Ident = ident;
    }

    /// <summary>The run mode Program decided, read by <see cref="From"/>.</summary>
    public static RunMode CurrentMode { get; set; } = RunMode.Interactive;

    /// <summary>The environment seen by commands (tests may replace it).</summary>
    public static Func<IReadOnlyDictionary<string, string>>? EnvironmentSource { get; set; }

    /// <summary>The merged configuration.</summary>
    public OpsKitConfig Config { get; }

    /// <summary>Where results go: the invocation's output.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Where diagnostics go: the invocation's error writer.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The host seams with loggers for this run.</summary>
    public SystemContext Context { get; }

    /// <summary>0 normal, 1 verbose, 2 debug.</summary>
    public int Verbosity { get; }

    /// <summary>The syslog ident.</summary>
    public string Ident { get; }

    /// <summary>The run mode.</summary>
    public RunMode Mode => Context.Mode;

    /// <summary>Creates a logger.</summary>
    public ILogger Logger(string category) => Context.Loggers.CreateLogger(category);

    /// <summary>The [mail] alerter.</summary>
    public Alerter Alerter() => new(MailSettings.Bind(Config.Section("mail")), Context, Out);

    /// <summary>Loads the configuration the command line names (again, e.g. on SIGHUP); exit 78 on errors.</summary>
    public static OpsKitConfig LoadConfig(ParseResult parse, IReadOnlyDictionary<string, string>? environment = null) =>
        OpsKitConfig.Load(ConfigRequest(parse, environment), ConfigSchemas.All);

    /// <summary>Which config files the command line and environment ask for.</summary>
    public static ConfigRequest ConfigRequest(ParseResult parse, IReadOnlyDictionary<string, string>? environment = null)
    {
        var env = environment ?? EnvironmentSource?.Invoke() ?? SystemContext.ReadEnvironment();
        return new ConfigRequest(parse.GetValue(GlobalOptions.Config), parse.GetValue(GlobalOptions.NoConfig), env);
    }

    /// <summary>Builds the host: loads config (exit 78 on errors), sets up logging for the mode.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="ident">Syslog ident of the tool, e.g. "raidchk".</param>
    /// <param name="mode">Overrides the run mode (daemons).</param>
    public static CommandHost From(ParseResult parse, string ident, RunMode? mode = null)
    {
        var env = EnvironmentSource?.Invoke() ?? SystemContext.ReadEnvironment();
        var config = LoadConfig(parse, env);
        var verbosity = parse.GetValue(GlobalOptions.Debug) ? 2 : parse.GetValue(GlobalOptions.Verbose) ? 1 : 0;
        var runMode = mode ?? CurrentMode;
        var loggers = LogSetup.Create(runMode, LogSettings.Bind(config.Section("log")), ident, verbosity, parse.Error);
        var context = new SystemContext(environment: env, loggers: loggers, mode: runMode);
        return new CommandHost(config, context, loggers, verbosity, ident) { Out = parse.Out, Error = parse.Error };
    }

    /// <inheritdoc />
    public void Dispose() => _loggers.Dispose();
}
