// The textfiles opskit writes, served by a real node_exporter (Debian prometheus-node-exporter)
// started here on 127.0.0.1 with only the textfile collector: every sample of every file comes
// back from /metrics with the same value, and the collector reports no error. The exporter is
// ended by the pid this test started.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Fleet.Tests;

public sealed class NodeExporterTests(FleetOutputs outputs) : IClassFixture<FleetOutputs>
{
    [Fact]
    public async Task Node_exporter_serves_every_opskit_textfile_unchanged()
    {
        var exporter = ExecutableLocator.Find("prometheus-node-exporter")
            ?? throw new InvalidOperationException("prometheus-node-exporter not installed (Debian package prometheus-node-exporter; make deps)");
        using var dir = new TempDir("fleet-textfile");
        var files = new Dictionary<string, string>();
        foreach (var (area, args) in outputs.PrometheusCommands)
        {
            var file = dir.File($"opskit_{area}.prom");
            FleetOutputs.Run([.. args, "-o", file]);
            files[area] = File.ReadAllText(file);
        }

        var port = FreePort();
        var info = new ProcessStartInfo(exporter)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { $"--web.listen-address=127.0.0.1:{port}", "--collector.disable-defaults", "--collector.textfile", $"--collector.textfile.directory={dir.Path}" })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var scraped = await Scrape(port, process);
            var served = Exposition.Samples(scraped);
            Assert.Equal(0, served["node_textfile_scrape_error{}"]);
            foreach (var (area, text) in files)
            {
                Assert.True(served.ContainsKey($"node_textfile_mtime_seconds{{file={dir.File($"opskit_{area}.prom")}}}")
                    || served.ContainsKey($"node_textfile_mtime_seconds{{file=opskit_{area}.prom}}"), $"no mtime for {area}\n{scraped}");
                var ours = Exposition.Samples(text);
                Assert.NotEmpty(ours);
                foreach (var (key, value) in ours)
                {
                    Assert.True(served.TryGetValue(key, out var got), $"{area}: {key} not served\n{log}");
                    Assert.Equal(value, got, 6);
                }
            }
            // The HELP text survives the trip (node_exporter keeps ours).
            Assert.Contains("# HELP opskit_snapshot_newest_age_seconds Age of the newest complete snapshot", scraped);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static async Task<string> Scrape(int port, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"node_exporter exited with {process.ExitCode}");
            try
            {
                return await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
