// opskit snapshot create: one rsync --link-dest snapshot into ROOT/<series>/<UTC stamp>;
// complete only once its manifest is written; interrupted runs are resumed.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Snapshots;
using OpsKit.Snapshots.Create;

namespace OpsKit.Commands.Snapshot;

/// <summary>"snapshot create".</summary>
public static class SnapshotCreateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "What to copy: a local directory or host:path (over ssh).", HelpName = "SRC" };
        var dest = new Option<string?>("--dest") { Description = "Snapshot root (created with its marker when missing or empty).", HelpName = "ROOT" };
        var job = new Option<string?>("--job") { Description = "Take source, root and series from the [[snapshot.job]] with this series name.", HelpName = "SERIES" };
        var series = new Option<string>("--series") { Description = "Series name. [default: the source's host name, or its last path component]", HelpName = "NAME" };
        var excludeFrom = new Option<string?>("--exclude-from") { Description = "rsync exclude patterns, one per line.", HelpName = "FILE" };
        var rsyncOpt = new Option<string[]>("--rsync-opt") { Description = "An extra rsync option (repeatable; --inplace/--append refused).", HelpName = "OPT", AllowMultipleArgumentsPerToken = false };
        var requireMount = new Option<string?>("--require-mount") { Description = "Refuse unless the root lies on the file system mounted here.", HelpName = "DIR" };
        var allowEmpty = new Option<bool>("--allow-empty-source") { Description = "Snapshot an empty source directory (refused by default: it may be unmounted)." };
        var failOnVanished = new Option<bool>("--fail-on-vanished") { Description = "Treat rsync exit 24 (files vanished during the copy) as a failure." };
        var cron = GlobalOptions.Cron();
        var format = ReportFormat.JsonOnly();
        var command = new Command("create", "Take an incremental snapshot with rsync --link-dest (unchanged files become hard links).")
        {
            source, dest, job, series, excludeFrom, rsyncOpt, requireMount, allowEmpty, failOnVanished, cron,
        };
        format.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "snapshot");
            var settings = SnapshotSettings.Bind(host.Config.Section("snapshot"));
            var configured = parse.GetValue(job) is { } name
                ? settings.Jobs.FirstOrDefault(j => j.Series == name) ?? throw OpsKitException.Usage($"no [[snapshot.job]] with series = \"{name}\" in the config")
                : null;
            var src = parse.GetValue(source) ?? (configured?.Source is { Length: > 0 } s ? s : null)
                ?? throw OpsKitException.Usage("--source is required (or --job naming a [[snapshot.job]] with a source)");
            var root = parse.GetValue(dest) ?? configured?.Root ?? throw OpsKitException.Usage("--dest is required (or --job)");
            var rsync = settings.Rsync with
            {
                ExtraOptions = [.. settings.Rsync.ExtraOptions, .. parse.GetValue(rsyncOpt) ?? []],
                AllowVanished = settings.Rsync.AllowVanished && !parse.GetValue(failOnVanished),
            };
            var request = new CreateRequest(src, root, parse.GetValue(series) ?? configured?.Series ?? DefaultSeries(src), rsync)
            {
                ExcludeFrom = parse.GetValue(excludeFrom) ?? (configured?.ExcludeFrom is { Length: > 0 } x ? x : null),
                RequireMount = parse.GetValue(requireMount) ?? (configured?.RequireMount is { Length: > 0 } m ? m : null),
                AllowEmptySource = parse.GetValue(allowEmpty),
                Progress = OpsKit.Core.Output.ProgressLine.Wanted(host.Mode),
            };
            var result = await new SnapshotCreator(host.Context).CreateAsync(request, ct).ConfigureAwait(false);
            var output = format.Get(parse);
            if (host.Mode != RunMode.Cron || output == OutputFormat.Json) parse.Out.Write(SnapshotReports.Create(request, result, output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string DefaultSeries(string source) => SnapshotCreator.IsRemote(source)
        ? source[..source.IndexOf(':', StringComparison.Ordinal)].Split('@')[^1]
        : Path.GetFileName(Path.GetFullPath(source).TrimEnd('/')) is { Length: > 0 } n ? n : "root";
}
