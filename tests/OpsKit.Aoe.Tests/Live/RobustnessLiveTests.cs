// A bounded stream of random/mutated frames against a live target: it survives, answers no R frame, never uses
// 0xFFFF/0xFF, and never touches the file outside the export's offset/length window.
using System.Text.Json.Nodes;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

[Collection("netns")]
public class RobustnessLiveTests
{
    [RootFact]
    public void Mutated_stream_against_a_windowed_export()
    {
        using var net = new NetnsPair(1500);
        var img = net.Image.File("win.img");
        var data = new byte[3 << 20];
        Array.Fill(data, (byte)0x5A);
        Array.Clear(data, 1 << 20, 1 << 20);             // the export: bytes 1 MiB .. 2 MiB
        File.WriteAllBytes(img, data);
        var toml = net.Image.File("opskit.toml");
        File.WriteAllText(toml, $"""
            [aoe]
            interface = "{net.ServerIf}"
            state_dir = "{net.Image.File("state")}"
            [[aoe.export]]
            alias = "win"
            slot = 1
            file = "{img}"
            offset = 1048576
            length = 1048576
            """);
        var server = net.StartServer(NetnsPair.Opskit, "--config", toml, "aoe", "serve");
        net.WaitFor("0.1");
        var r = net.Client("python3", Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz_live.py"), net.ClientIf, "60000", "11");
        Assert.True(r.Code == 0, r.Err);
        var j = JsonNode.Parse(r.Out)!;
        Assert.Equal(60000, (int)j["sent"]!);
        Assert.True((int)j["answers"]! > 1000, r.Out);
        Assert.Equal(0, (int)j["r_answers"]!);
        Assert.Equal(0, (int)j["bad_address"]!);
        Assert.False(server.HasExited, "the target died");
        var after = File.ReadAllBytes(img);
        Assert.All(after[..(1 << 20)], b => Assert.Equal(0x5A, b));
        Assert.All(after[(2 << 20)..], b => Assert.Equal(0x5A, b));
    }
}
