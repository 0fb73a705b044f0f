// opskit aoe bench: windowed READ/WRITE EXT against one or more targets; MB/s, frames/s, retransmits, CPU per frame.
using System.CommandLine;
using System.Text.Json.Nodes;
using OpsKit.Aoe.Client;
using OpsKit.Core;
using OpsKit.Core.Output;

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
        var json = GlobalOptions.Json();
        var targets = new Argument<string>("TARGET") { Description = "SHELF.SLOT, or several separated by commas (read at once)." };
        var command = new Command("bench", "Measure an AoE target: sequential reads/writes with a window of tagged requests.")
        {
            iface, read, write, verify, start, window, pids, json, targets,
        };
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
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var r in runs)
                    array.Add((JsonNode)new JsonObject
                    {
                        ["mode"] = r.Mode.ToString().ToLowerInvariant(), ["targets"] = r.Targets, ["bytes"] = r.Bytes, ["seconds"] = r.Seconds,
                        ["MBps"] = r.MBps, ["frames"] = r.Frames, ["frames_per_s"] = r.FramesPerSecond, ["retransmits"] = r.Retransmits, ["client_drops"] = r.ClientDrops,
                        ["errors"] = r.Errors, ["bad_sectors"] = r.BadSectors, ["window"] = r.Window, ["payload"] = r.Payload,
                        ["client_cpu_us_per_frame"] = r.ClientCpuUsPerFrame, ["server_cpu_us_per_frame"] = r.ServerCpuUsPerFrame,
                    });
                JsonOutput.Write(CommandHost.Out, new JsonObject { ["interface"] = client.Nic.Name, ["runs"] = array });
            }
            else foreach (var r in runs) CommandHost.Out.WriteLine(r.ToString());
            return runs.Any(r => r.Errors > 0 || r.BadSectors > 0) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
