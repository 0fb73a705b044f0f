// opskit rpm build: rpmbuild -ba with the build tree and sources in place,
// errors found in the output whatever the exit status, then rpmlint.
using System.CommandLine;
using System.Text.Json.Nodes;
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
            using (var progress = OpsKit.Core.Output.ProgressLine.OnTerminal(host.Mode, CommandHost.Error, "rpm build"))
            {
                var options = new BuildOptions(parse.GetValue(spec)!, parse.GetValue(topDir) ?? settings.TopDir, parse.GetValue(extra) ?? [],
                    settings.Lint && !parse.GetValue(noLint)) { Phase = progress };
                report = await PackageBuilder.BuildAsync(host.Context, options, ct);
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(CommandHost.Out, Json(report));
                return report.Ok ? ExitCodes.Ok : ExitCodes.Failed;
            }
            var o = CommandHost.Out;
            o.WriteLine($"top dir: {report.TopDir}");
            if (!report.Host.IsRpmDistro)
                o.WriteLine("host: not an RPM distribution; built with --nodeps and OpsKit's compat macros (a smoke test: check on the target with mock or Copr)");
            foreach (var p in report.Placed) o.WriteLine($"source: {p}");
            foreach (var w in report.Output.Written) o.WriteLine($"wrote: {w}");
            foreach (var w in report.Output.Warnings) o.WriteLine($"rpmbuild warning: {w}");
            if (report.Lint is { } lint)
            {
                foreach (var f in lint.Findings) o.WriteLine($"rpmlint: {f}");
                o.WriteLine($"rpmlint: {lint.Errors} errors, {lint.Warnings} warnings");
            }
            foreach (var p in report.Problems) CommandHost.Error.WriteLine($"opskit: rpmbuild: {p}");
            if (report.Lint is { Errors: > 0 } bad) CommandHost.Error.WriteLine($"opskit: rpmlint found {bad.Errors} errors");
            return report.Ok ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static JsonObject Json(BuildReport r)
    {
        static JsonArray List(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        return new JsonObject
        {
            ["ok"] = r.Ok,
            ["topdir"] = r.TopDir,
            ["rpm_distribution_host"] = r.Host.IsRpmDistro,
            ["sources_copied"] = List(r.Placed),
            ["written"] = List(r.Output.Written),
            ["warnings"] = List(r.Output.Warnings),
            ["errors"] = List(r.Output.Errors),
            ["problems"] = List(r.Problems),
            ["unpackaged"] = List(r.Output.Unpackaged),
            ["lint"] = r.Lint is { } l ? new JsonObject { ["errors"] = l.Errors, ["warnings"] = l.Warnings, ["findings"] = List(l.Findings) } : null,
        };
    }
}
