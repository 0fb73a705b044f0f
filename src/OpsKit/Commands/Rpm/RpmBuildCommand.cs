// opskit rpm build: rpmbuild -ba with the build tree and sources in place,
// errors found in the output whatever the exit status, then rpmlint.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Rpm;
using OpsKit.Rpm.Build;

namespace OpsKit.Commands.Rpm;

/// <summary>"rpm build".</summary>
public static class RpmBuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "The spec file." };
        var extra = new Argument<string[]>("rpmbuild-args") { Description = "More rpmbuild arguments, after '--'.", Arity = ArgumentArity.ZeroOrMore };
        var topDir = new Option<string?>("--topdir") { Description = "Build tree. [default: [rpm] topdir, else %_topdir from ~/.rpmmacros]", HelpName = "DIR" };
        var noLint = new Option<bool>("--no-lint") { Description = "Do not run rpmlint on the packages." };
        var json = GlobalOptions.Json();
        var command = new Command("build", "Build binary and source RPMs with rpmbuild (--nodeps and compat macros on non-RPM hosts), then rpmlint them.")
        {
            spec, extra, topDir, noLint, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "opskit-rpm");
            var settings = RpmSettings.Bind(host.Config.Section("rpm"));
            BuildReport report;
            using (var progress = OpsKit.Core.Output.ProgressLine.OnTerminal(host.Mode, parse.Error, "rpm build"))
            {
                var options = new BuildOptions(parse.GetValue(spec)!, parse.GetValue(topDir) ?? settings.TopDir, parse.GetValue(extra) ?? [],
                    settings.Lint && !parse.GetValue(noLint)) { Phase = progress };
                report = await PackageBuilder.BuildAsync(host.Context, options, ct);
            }
            var format = parse.GetValue(json) ? OutputFormat.Json : OutputFormat.Text;
            parse.Out.Write(BuildReportOutput.Render(report, format));
            if (format == OutputFormat.Text) foreach (var line in BuildReportOutput.Problems(report)) parse.Error.WriteLine(line);
            return report.Ok ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
