// opskit rpm spec: a spec from a source tarball or directory, optionally with
// %files computed by a trial build (--probe).
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Rpm;
using OpsKit.Rpm.Source;
using OpsKit.Rpm.Spec;

namespace OpsKit.Commands.Rpm;

/// <summary>"rpm spec".</summary>
public static class RpmSpecCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("source") { Description = "Source tarball (.tar.gz, .tgz, .tar.bz2, .tar.xz, .tar, .zip) or directory." };
        var name = new Option<string?>("--name") { Description = "Package name. [default: from the build files or the tarball name]", HelpName = "N" };
        var version = new Option<string?>("--version") { Description = "Version. [default: from the build files or the tarball name]", HelpName = "V" };
        var license = new Option<string?>("--license") { Description = "License as an SPDX expression. [default: detected]", HelpName = "SPDX" };
        var summary = new Option<string?>("--summary") { Description = "One-line summary. [default: from metadata or README]", HelpName = "S" };
        var packager = new Option<string?>("--packager") { Description = "Changelog identity. [default: %packager, git config, user@host]", HelpName = "\"Name <mail>\"" };
        var target = new Option<string?>("--target") { Description = "Target distribution. [default: [rpm] target, fedora]", HelpName = "DIST" };
        target.AcceptOnlyFromAmong([.. TargetFacts.Names]);
        var probe = new Option<bool>("--probe") { Description = "Run a trial build and install to compute %files from what the project installs." };
        var noCheck = new Option<bool>("--no-check") { Description = "Leave out %check (when the project's test target needs more than its build)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the spec to FILE instead of stdout.", HelpName = "FILE" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing output file." };
        var command = new Command("spec", "Write a spec for a source tarball or directory: detected build system, SPDX license, %files from a trial build.")
        {
            input, name, version, license, summary, packager, target, probe, noCheck, output, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "opskit-rpm");
            var settings = RpmSettings.Bind(host.Config.Section("rpm"));
            var file = parse.GetValue(output);
            if (file is not null && file != "-" && File.Exists(file) && !parse.GetValue(force))
                throw OpsKitException.Usage($"{file} exists; pass --force to overwrite it");
            var options = new SpecOptions(parse.GetValue(input)!,
                new InspectOptions(parse.GetValue(name), parse.GetValue(version), parse.GetValue(license), parse.GetValue(summary)),
                parse.GetValue(packager) ?? settings.Packager, parse.GetValue(target) is { } t ? TargetFacts.Parse(t) : settings.Target, parse.GetValue(probe), parse.GetValue(noCheck),
                file is null || file == "-" ? null : Path.GetDirectoryName(Path.GetFullPath(file)));
            var result = await SpecGenerator.GenerateAsync(host.Context, options, ct);
            var report = file is null || file == "-" ? parse.Error : parse.Out;
            if (file is null || file == "-") parse.Out.Write(result.Text);
            else
            {
                await File.WriteAllTextAsync(file, result.Text, ct);
                report.WriteLine($"wrote {file}");
                if (result.Packed is not null) report.WriteLine($"wrote {result.Packed} (Source0, packed from the directory)");
            }
            report.WriteLine($"build system: {result.Shape.Name()}");
            foreach (var e in result.Evidence) report.WriteLine($"  {e}");
            report.WriteLine($"  packager: {result.PackagerSource}");
            foreach (var n in result.Notes) report.WriteLine($"review: {n}");
            if (file is not null && file != "-" && Path.GetFileName(file) != result.Name + ".spec")
                report.WriteLine($"review: name the file {result.Name}.spec (rpmlint: invalid-spec-name)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
