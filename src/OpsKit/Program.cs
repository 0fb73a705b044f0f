// Entry point: decide the run mode, build the command tree, parse, run, and
// turn every outcome into one exit code from the table (ExitCodes).
using System.CommandLine;
using OpsKit.Commands.Aide;
using OpsKit.Commands.Aoe;
using OpsKit.Commands.Config;
using OpsKit.Commands.Generate;
using OpsKit.Commands.HwErr;
using OpsKit.Commands.IoWait;
using OpsKit.Commands.Mail;
using OpsKit.Commands.Raid;
using OpsKit.Commands.Rpm;
using OpsKit.Commands.Snapshot;
using OpsKit.Commands.Ssh;
using OpsKit.Core;
using OpsKit.Core.Files;
using OpsKit.SshGuard.Hook;

namespace OpsKit;

/// <summary>The opskit executable.</summary>
public static class Program
{
    /// <summary>Builds the root command; the list order is the help order.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("OpsKit: the ops toolbox for storage and backup servers.")
        {
            AoeCommand.Create(),
            RaidCommand.Create(),
            SshCommand.Create(),
            SnapshotCommand.Create(),
            RpmCommand.Create(),
            IoWaitCommand.Create(),
            AideCommand.Create(),
            HwErrCommand.Create(),
            ConfigCommand.Create(),
            MailCommand.Create(),
            GenerateCommand.Create(),
        };
        // The native binary is started under its multi-call names too (raid_check, a cron.daily link): help says opskit.
        root.HelpName = "opskit";
        root.Options.Add(GlobalOptions.Config);
        root.Options.Add(GlobalOptions.NoConfig);
        root.Options.Add(GlobalOptions.Verbose);
        root.Options.Add(GlobalOptions.Debug);
        foreach (var option in root.Options)
        {
            if (option is VersionOption) option.Action = new VersionAction();
            // Left alone, help asks Console.WindowWidth, which sets the terminal up (ESC[?1h ESC=) first.
            if (option is System.CommandLine.Help.HelpOption { Action: System.CommandLine.Help.HelpAction help }) help.MaxWidth = PlainConsole.HelpWidth();
        }
        OptionLikeArguments.Refuse(root);
        return root;
    }

    /// <summary>Runs opskit.</summary>
    public static int Main(string[] args)
    {
        PlainConsole.Install();
        // "opskit --version" is what scripts and package checks run most: answer it without building
        // the command tree (which loads every area's library); the output is the same either way.
        if (args is ["--version"])
        {
            Console.Out.Write(BuildInfo.VersionText);
            return ExitCodes.Ok;
        }
        var invocation = Invocation.Resolve(Invocation.ReadArgv0(), args, Environment.GetEnvironmentVariable);
        // Under a forced command the environment is partly the client's: start again without OPSKIT_*/DOTNET_*.
        if ((invocation.Mode == RunMode.ForcedCommand || Environment.GetEnvironmentVariable("SSH_ORIGINAL_COMMAND") is not null)
            && ClientEnvironment.RestartWithoutSettings() is { } restartError)
        {
            Console.Error.WriteLine($"opskit: command refused: cannot drop the client's environment: {restartError}");
            return ExitCodes.Unavailable;
        }
        // sshd starts the hook for every transfer: decide before building the command tree.
        if (invocation.Mode == RunMode.ForcedCommand && HookFastPath.TryRun(invocation.Arguments) is { } code) return code;
        return Run(invocation);
    }

    /// <summary>Runs a resolved invocation; results go to <paramref name="output"/>, diagnostics to
    /// <paramref name="error"/> (stdout and stderr unless given; tests pass their own).</summary>
    public static int Run(Invocation invocation, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        CommandHost.CurrentMode = invocation.Mode;
        var forced = invocation.Mode == RunMode.ForcedCommand;
        var verbose = invocation.Arguments.Contains("--verbose") || invocation.Arguments.Contains("-v") || invocation.Arguments.Contains("--debug");
        try
        {
            var root = CreateRoot();
            OptionLikeArguments.DoubleDash = invocation.Arguments.Contains("--");
            var parse = root.Parse(invocation.Arguments);
            if (parse.Errors.Count > 0)
            {
                if (!forced)
                {
                    foreach (var line in ParseErrorText.Lines(parse)) error.WriteLine($"opskit: {line}");
                    error.WriteLine("Try 'opskit --help' for more information.");
                }
                return ExitCodes.Usage;
            }
            var config = new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = output,
                Error = error,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            };
            return parse.Invoke(config);
        }
        catch (OpsKitException e)
        {
            if (!forced) error.WriteLine($"opskit: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            if (!forced) error.WriteLine("opskit: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (IOException e) when (IsBrokenPipe(e))
        {
            // "opskit ... | head": the reader left; that is not an error.
            return ExitCodes.Ok;
        }
        catch (Exception e) when (IoErrors.IsIo(e))
        {
            // A file call nobody wrapped: still say which file and why in words, with the code of the table.
            var path = PathOf(e);
            var (why, code) = IoErrors.Describe(e, path);
            if (!forced)
            {
                error.WriteLine(path is null ? $"opskit: {why}" : $"opskit: {path}: {why}");
                if (verbose) error.WriteLine(e.ToString());
            }
            return code;
        }
        catch (Exception e)
        {
            if (!forced)
            {
                error.WriteLine($"opskit: internal error: {e.Message}");
                if (verbose) error.WriteLine(e.ToString());
            }
            return ExitCodes.Internal;
        }
    }

    // .NET names the path only inside its message ("... '/x' ..."); FileNotFoundException also has it as FileName.
    private static string? PathOf(Exception e)
    {
        if (e is FileNotFoundException { FileName: { Length: > 0 } name }) return name;
        var m = System.Text.RegularExpressions.Regex.Match(e.Message, "'(/[^']*)'");
        return m.Success ? m.Groups[1].Value : null;
    }

    private static bool IsBrokenPipe(IOException e) =>
        e.HResult == 32 || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}

/// <summary>--version anywhere on the command line prints what the fast path in Main prints.</summary>
internal sealed class VersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.Write(BuildInfo.VersionText);
        return ExitCodes.Ok;
    }
}
