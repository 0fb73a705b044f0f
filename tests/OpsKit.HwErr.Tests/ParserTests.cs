// Details of the readers that the data cases do not reach: /dev/kmsg records and the real
// device, journal export (also binary MESSAGE fields), MCi_STATUS decoding, edge wordings.
using System.Text;
using OpsKit.HwErr.Model;
using OpsKit.HwErr.Parsing;
using OpsKit.Testing;

namespace OpsKit.HwErr.Tests;

public class ParserTests
{
    private static SourceReport Parse(params string[] lines)
    {
        var p = new KernelLogParser();
        for (var i = 0; i < lines.Length; i++) p.Add(lines[i], $"t:{i + 1}");
        return p.Finish("log", "t");
    }

    [Theory]
    [InlineData("0 Bank 4: b200000000070005", true)]
    [InlineData("0 Bank 4: 9c414000a0080813", false)]
    [InlineData("0x0 Bank 25: 0xac00000200a00090", true)]
    [InlineData("0 Bank 1: 1000", false)]
    public void Mce_record_severity_is_bit_61_of_mci_status(string record, bool uncorrected)
    {
        var r = Parse($"mce: [Hardware Error]: CPU 2: Machine Check: {record}");
        var o = r.Observations.Single();
        Assert.Equal(uncorrected ? Severity.Uncorrected : Severity.Corrected, o.Severity);
        Assert.Equal("CPU 2 bank " + record.Split("Bank ")[1].Split(':')[0], o.Device);
    }

    [Fact]
    public void Kmsg_record_lines_are_split_into_sequence_facility_and_text()
    {
        Assert.Equal(new KmsgRecord(1234, 0, "EDAC MC0: 1 CE x on y"), KmsgReader.Parse("4,1234,5678,-;EDAC MC0: 1 CE x on y"));
        Assert.Equal(new KmsgRecord(7, 1, "user; text"), KmsgReader.Parse("14,7,9,-,caller=T1;user; text"));
        Assert.Null(KmsgReader.Parse(" SUBSYSTEM=pci"));
        Assert.Null(KmsgReader.Parse("garbage"));
    }

    [RootFact]
    public void Real_dev_kmsg_reads_to_the_end_without_blocking()
    {
        var all = KmsgReader.ReadAfter("/dev/kmsg", -1);
        Assert.NotEmpty(all);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        var after = KmsgReader.ReadAfter("/dev/kmsg", all[^1].Sequence);
        Assert.All(after, r => Assert.True(r.Sequence > all[^1].Sequence));
    }

    [Fact]
    public void Journal_export_messages_are_read_including_binary_fields()
    {
        var data = new MemoryStream();
        void Text(string s) => data.Write(Encoding.UTF8.GetBytes(s));
        Text("__CURSOR=s=1\n__REALTIME_TIMESTAMP=1\n_TRANSPORT=kernel\nMESSAGE=pcieport 0000:00:1c.0: AER: Corrected error received: 0000:00:1c.0\n\n");
        Text("__CURSOR=s=2\n_TRANSPORT=kernel\nMESSAGE\n");
        var msg = Encoding.UTF8.GetBytes("EDAC MC1: 2 CE read error on DIMM_B2 (x)\u001b");
        data.Write(BitConverter.GetBytes((ulong)msg.Length));
        data.Write(msg);
        Text("\n\n__CURSOR=s=3\n_TRANSPORT=syslog\nMESSAGE=EDAC MC0: 9 UE fake on userspace\n\n");
        var messages = LogText.Messages(data.ToArray()).Select(m => m.Text).ToList();
        Assert.Equal(2, messages.Count);
        var p = new KernelLogParser();
        foreach (var m in messages) p.Add(m, "j");
        var r = p.Finish("log", "j");
        Assert.Equal(["log/aer/0000:00:1c.0/received/corrected", "log/edac/mc1/DIMM_B2/ce"], r.Observations.Select(o => o.Key).Order());
        Assert.Equal(2, r.Observations.Single(o => o.Key == "log/edac/mc1/DIMM_B2/ce").Value);
    }

    [Fact]
    public void Saved_kmsg_records_parse_like_dmesg_lines()
    {
        var messages = LogText.Messages(Encoding.UTF8.GetBytes("3,55,100,-;pcieport 0000:00:03.0: PCIe Bus Error: severity=Uncorrected (Fatal), type=Transaction Layer, (Requester ID)\n SUBSYSTEM=pci\n DEVICE=+pci:0000:00:03.0\n")).ToList();
        Assert.Single(messages);
        Assert.StartsWith("pcieport 0000:00:03.0: PCIe Bus Error", messages[0].Text);
    }

    [Fact]
    public void A_panic_that_is_not_a_machine_check_is_counted_but_not_a_hardware_error()
    {
        var r = Parse("Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)");
        Assert.True((bool)r.Details["mce"]!["panic"]!);
        Assert.Empty(r.Observations);
    }

    [Fact]
    public void Uncorrectable_6x_wording_is_nonfatal_or_fatal()
    {
        var r = Parse(
            "pcieport 0000:00:1c.0: AER: Uncorrectable (Non-Fatal) error message received from 0000:01:00.0",
            "nvme 0000:01:00.0: PCIe Bus Error: severity=Uncorrectable (Non-Fatal), type=Transaction Layer, (Requester ID)",
            "nvme 0000:01:00.0: PCIe Bus Error: severity=Uncorrectable (Fatal), type=Transaction Layer, (Requester ID)");
        Assert.Equal("{\"fatal\":1,\"nonfatal\":1}", r.Details["aer"]!["records_by_device"]!["0000:01:00.0"]!.ToJsonString());
        Assert.All(r.Observations, o => Assert.Equal(Severity.Uncorrected, o.Severity));
    }

    [Fact]
    public void Aer_file_with_a_bad_line_names_file_and_line()
    {
        using var dir = new TempDir("hwerr-aer");
        var f = dir.Write("aer_dev_correctable", "RxErr 1\nBadTLP x\nTOTAL_ERR_COR 1\n");
        var errors = new List<string>();
        var (_, total, _) = Sources.AerSysfsSource.ParseStats(f, errors);
        Assert.Equal(1, total);
        Assert.Equal([$"{f}:2: 'BadTLP x' is not NAME COUNT"], errors);
    }

    [Fact]
    public void Mcelog_client_memory_accounting_counts_per_dimm()
    {
        var r = ToolParsers.Mcelog("""
            SOCKET 0 CHANNEL 1 DIMM 0
            DMI_NAME "DIMM_B1"
            DMI_LOCATION "NODE 0 CHANNEL 1 DIMM 0"
            corrected memory errors:
            	12 total
            	2 in 24h
            uncorrected memory errors:
            	0 total
            	0 in 24h

            """, "mcelog --client");
        Assert.Equal(OpsKit.Core.CheckStatus.Warning, r.Status);
        var ce = r.Observations.Single(o => o.Severity == Severity.Corrected);
        Assert.Equal(("DIMM_B1", 12L), (ce.Dimm, ce.Value));
        Assert.Equal(12, (long)r.Details["dimm_ce_total"]!);
    }

    [Fact]
    public void Edac_util_output_that_is_something_else_is_unknown()
    {
        var r = ToolParsers.EdacUtil("hello world\n", "x.txt");
        Assert.Equal(OpsKit.Core.CheckStatus.Unknown, r.Status);
        Assert.Equal("x.txt:1: 'hello world' is not edac-util output", r.Notes.Single().Message);
    }
}
