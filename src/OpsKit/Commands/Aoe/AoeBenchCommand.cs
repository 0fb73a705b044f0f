// opskit aoe bench: windowed READ/WRITE EXT against one or more targets; MB/s, frames/s, retransmits, CPU per frame.
using System.CommandLine;
using OpsKit.Aoe.Output;
using OpsKit.Aoe.Client;
using OpsKit.Core;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe bench".</summary>
public static class AoeBenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var iface = new Option<string>("--interface", "-i") { Description = "Interface the targets answer on.", HelpName = "IF", Required = true };
        var read = new Option<double>("--read") { Description = "MB (10^6 bytes) to read per target.", HelpName = "MB" };
        var write = new Option<double>("--write") { Description = "MB to write per target (the check pattern; destroys data).", HelpName = "MB" };
        var verify = new Option<double>("--verify") { Description = "MB to read per target and check against the pattern.", HelpName = "MB" };
        var start = new Option<long>("--start") { Description = "First LBA.", HelpName = "LBA" };
        var window = new Option<int>("--window") { Description = "Outstanding requests per target. [default: its Buffer Count]", HelpName = "N" };
        var pids = new Option<string?>("--server-pid") { Description = "Comma-separated server pids whose CPU time per frame is reported.", HelpName = "PIDS" };
        var format = ReportFormat.JsonOnly();
        var targets = new Argument<string>("TARGET") { Description = "SHELF.SLOT, or several separated by commas (read at once)." };
        var command = new Command("bench", "Measure an AoE target: sequential reads/writes with a window of tagged requests.")
        {
            iface, read, write, verify, start, window, pids, targets,
        };
        format.AddTo(command);
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit");
            var wanted = parse.GetValue(targets)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(AoeCommon.ParseTarget).ToList();
            var serverPids = parse.GetValue(pids)?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
            using var client = AoeCommon.OpenClient(parse.GetValue(iface)!);
            var found = client.Discover(TimeSpan.FromMilliseconds(500), identify: false);
            var list = wanted.Select(w => found.FirstOrDefault(t => t.Shelf == w.Shelf && t.Slot == w.Slot)
                ?? throw new OpsKitException($"target e{w.Shelf}.{w.Slot} did not answer on {client.Nic.Name}", ExitCodes.Unavailable))
                .Select(client.Identify).ToList();
            var bench = new AoeBench(client);
            var runs = new List<BenchResult>();
            var jobs = new (BenchMode Mode, double Mb)[] { (BenchMode.Write, parse.GetValue(write)), (BenchMode.Read, parse.GetValue(read)), (BenchMode.Verify, parse.GetValue(verify)) };
            if (jobs.All(j => j.Mb <= 0)) jobs[1].Mb = 64;
            foreach (var (mode, mb) in jobs.Where(j => j.Mb > 0))
                runs.Add(bench.Run(list, mode, (long)(mb * 1e6), (ulong)parse.GetValue(start), parse.GetValue(window), serverPids));
            parse.Out.Write(AoeReports.Bench(client.Nic.Name, runs, format.Get(parse)));
            return runs.Any(r => r.Errors > 0 || r.BadSectors > 0) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
