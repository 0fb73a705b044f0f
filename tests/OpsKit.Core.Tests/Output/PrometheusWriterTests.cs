// The shared metric writer: families and samples sorted whatever the insertion order, HELP/TYPE
// once per family, label values escaped, null labels left out; atomic file writes with mode 0644;
// the duration syntax of --warn-age/--since.
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Testing;

namespace OpsKit.Core.Tests.Output;

public class PrometheusWriterTests
{
    [Fact]
    public void Output_is_sorted_and_the_same_for_any_insertion_order()
    {
        string Render(bool reversed)
        {
            var w = new PrometheusWriter();
            var steps = new List<Action>
            {
                () => w.Gauge("opskit_x_b", "B.", 2, ("k", "2")),
                () => w.Gauge("opskit_x_b", "B.", 1, ("k", "1")),
                () => w.Declare("opskit_x_a_total", "A.", MetricType.Counter).Add("opskit_x_a_total", 5),
            };
            if (reversed) steps.Reverse();
            foreach (var s in steps) s();
            return w.Render();
        }
        Assert.Equal(Render(false), Render(true));
        Assert.Equal("""
            # HELP opskit_x_a_total A.
            # TYPE opskit_x_a_total counter
            opskit_x_a_total 5
            # HELP opskit_x_b B.
            # TYPE opskit_x_b gauge
            opskit_x_b{k="1"} 1
            opskit_x_b{k="2"} 2

            """.Replace("\r", ""), Render(false));
    }

    [Fact]
    public void Labels_are_escaped_null_labels_left_out_and_bad_names_refused()
    {
        var w = new PrometheusWriter().Gauge("opskit_x_y", "Help with \\ and\nnewline.", 0.5, ("a", "q\"b\\c\nd"), ("skip", null));
        Assert.Equal("# HELP opskit_x_y Help with \\\\ and\\nnewline.\n# TYPE opskit_x_y gauge\nopskit_x_y{a=\"q\\\"b\\\\c\\nd\"} 0.5\n", w.Render());
        Assert.Throws<ArgumentException>(() => new PrometheusWriter().Declare("opskit-x", "bad"));
        Assert.Throws<ArgumentException>(() => new PrometheusWriter().Gauge("opskit_x", "x", 1, ("bad-label", "v")));
        Assert.Throws<InvalidOperationException>(() => new PrometheusWriter().Add("opskit_undeclared", 1));
    }

    [Fact]
    public void Run_gauges_and_special_numbers()
    {
        var text = new PrometheusWriter().Run("demo", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), success: false).Render();
        Assert.Contains("opskit_demo_last_run_timestamp_seconds 1700000000.25\n", text);
        Assert.Contains("opskit_demo_success 0\n", text);
        Assert.Equal(("NaN", "+Inf", "-Inf", "12345678901"), (PrometheusWriter.Number(double.NaN), PrometheusWriter.Number(double.PositiveInfinity), PrometheusWriter.Number(double.NegativeInfinity), PrometheusWriter.Number(12345678901)));
    }

    [Fact]
    public void Atomic_write_replaces_with_mode_0644_and_leaves_no_temp_file()
    {
        using var dir = new TempDir("core-atomic");
        var path = dir.Write("x.prom", "old\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        AtomicFile.Write(path, "new\n");
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
        var e = Assert.Throws<OpsKitException>(() => AtomicFile.Write(dir.File("nosuch", "x.prom"), ""));
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
    }

    [Theory]
    [InlineData("26h", 26 * 3600)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("1d12h", 36 * 3600)]
    [InlineData("90m", 5400)]
    [InlineData("45s", 45)]
    [InlineData("1w", 7 * 86400)]
    [InlineData("1.5", 5400)]
    public void Durations_parse(string text, double seconds) => Assert.Equal(seconds, DurationText.TryParse(text)!.Value.TotalSeconds);

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("5x")]
    [InlineData("-3h")]
    [InlineData("3h4")]
    public void Bad_durations_are_null(string text) => Assert.Null(DurationText.TryParse(text));
}
