// Commands run in-process with the writers the caller gives: results on the output writer, diagnostics on
// the error writer, nothing on the process's own stdout (there is no process-wide writer left to leak into).
using OpsKit.Core;
using OpsKit.Testing;

namespace OpsKit.Tests;

public sealed class InProcessTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(new Invocation(RunMode.Interactive, args, "opskit"), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_report_goes_to_the_given_output_writer()
    {
        var (code, output, error) = Run("--no-config", "iowait", "summary", RepoPaths.TestData("iowait", "blockdump-2.6.19-dmesg-kjournald.txt"), "--json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("{\n  \"schema_version\": 1,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_runs_with_different_writers_do_not_share_output()
    {
        var log = RepoPaths.TestData("iowait", "blockdump-2.6.19-dmesg-kjournald.txt");
        var text = Run("--no-config", "iowait", "summary", log);
        var json = Run("--no-config", "iowait", "summary", log, "--json");
        Assert.Equal((0, 0), (text.Code, json.Code));
        Assert.Contains("kjournald", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("schema_version", text.Out, StringComparison.Ordinal);
        Assert.StartsWith("{", json.Out, StringComparison.Ordinal);
        Assert.Equal(1, json.Out.Split("\"schema_version\"").Length - 1);
    }

    [Fact]
    public void A_usage_error_goes_to_the_given_error_writer_only()
    {
        var (code, output, error) = Run("raid", "chek");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", output);
        Assert.Contains("opskit: ", error, StringComparison.Ordinal);
        Assert.Contains("'check'", error, StringComparison.Ordinal);
    }
}
