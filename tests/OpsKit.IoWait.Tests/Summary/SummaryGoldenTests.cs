// The text and JSON reports of every real capture, kept as golden files.
using OpsKit.Core.Output;
using OpsKit.IoWait.Summary;
using OpsKit.Testing;

namespace OpsKit.IoWait.Tests.Summary;

public class SummaryGoldenTests
{
    public static TheoryData<string> Captures() =>
    [
        "blockdump-2.4-laptop-mode-lkml-2003.txt",
        "blockdump-2.6.19-dmesg-kjournald.txt",
        "blockdump-2.6.27-dmesg-with-noise.txt",
        "blockdump-2.6.27-syslog-mythbox.txt",
        "blockdump-3.x-dmesg-sectors-wiki.txt",
        "blockdump-misc-lines.txt",
    ];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Text_report_per_process(string file)
    {
        var w = new StringWriter();
        SummaryText.Write(RealCaptureTests.Summarise(file), SummaryBy.Process, 20, w);
        Golden.Assert($"summary/{Path.GetFileNameWithoutExtension(file)}.txt", w.ToString());
    }

    [Theory]
    [InlineData(SummaryBy.Command)]
    [InlineData(SummaryBy.Device)]
    [InlineData(SummaryBy.Op)]
    [InlineData(SummaryBy.Inode)]
    public void Text_report_by_kind_on_the_noisy_dmesg(SummaryBy by)
    {
        var w = new StringWriter();
        SummaryText.Write(RealCaptureTests.Summarise("blockdump-2.6.27-dmesg-with-noise.txt"), by, 20, w);
        Golden.Assert($"summary/dmesg-with-noise-by-{by.ToString().ToLowerInvariant()}.txt", w.ToString());
    }

    [Fact]
    public void Json_report_of_the_sectors_capture()
    {
        var w = new StringWriter();
        JsonOutput.Write(w, IoWaitSummaryJson.From(RealCaptureTests.Summarise("blockdump-3.x-dmesg-sectors-wiki.txt"), 0), IoWaitJsonContext.Reports.IoWaitSummaryJson);
        Golden.Assert("summary/sectors-wiki.json", w.ToString());
    }
}
