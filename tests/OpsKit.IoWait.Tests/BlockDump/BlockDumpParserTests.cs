// Every block_dump message shape (2.4 to 5.13) under every log prefix,
// awkward comms, and look-alike kernel lines that must not count.
using System.Text;
using OpsKit.IoWait.BlockDump;

namespace OpsKit.IoWait.Tests.BlockDump;

public class BlockDumpParserTests
{
    public sealed record Parsed(string Comm, int Pid, BlockOp Op, ulong Sector, long Sectors, string Device, ulong Inode, string Name, long Uptime, long Wall);

    private static Parsed? Parse(string line)
    {
        if (!BlockDumpParser.TryParse(Encoding.UTF8.GetBytes(line), 2024, out var r)) return null;
        return new Parsed(Encoding.UTF8.GetString(r.Comm), r.Pid, r.Op, r.Sector, r.Sectors, Encoding.UTF8.GetString(r.Device),
            r.Inode, Encoding.UTF8.GetString(r.InodeName), r.UptimeMicros, r.WallTicks);
    }

    [Theory]
    [InlineData("kjournald(1813): WRITE block 710949504 on sda1", "kjournald", 1813, BlockOp.Write, 710949504UL, -1L, "sda1")]
    [InlineData("jbd2/vda1-8(297): WRITE block 843200 on vda1 (8 sectors)", "jbd2/vda1-8", 297, BlockOp.Write, 843200UL, 8L, "vda1")]
    [InlineData("flush-252:0(1890): READ block 8 on sbd0 (2 sectors)", "flush-252:0", 1890, BlockOp.Read, 8UL, 2L, "sbd0")]
    [InlineData("ceph-osd(3090221): READ block 3927644160 on sdf", "ceph-osd", 3090221, BlockOp.Read, 3927644160UL, -1L, "sdf")]
    [InlineData("Web Content(4242): READA block 17 on nvme0n1p2", "Web Content", 4242, BlockOp.ReadAhead, 17UL, -1L, "nvme0n1p2")]
    [InlineData("(sd-pam)(99): SWRITE block 5 on dm-0 (2048 sectors)", "(sd-pam)", 99, BlockOp.SyncWrite, 5UL, 2048L, "dm-0")]
    [InlineData("x(1): y(55): READ block 9 on sda", "x(1): y", 55, BlockOp.Read, 9UL, -1L, "sda")]
    [InlineData("kjournald: WRITE block 67416/8 on 03:05", "kjournald", -1, BlockOp.Write, 67416UL, 8L, "03:05")]
    [InlineData("kdeinit(15145): WRITE block 65680 on hda1\r", "kdeinit", 15145, BlockOp.Write, 65680UL, -1L, "hda1")]
    public void Block_lines_of_every_era_parse(string line, string comm, int pid, BlockOp op, ulong sector, long sectors, string dev)
    {
        var p = Parse(line);
        Assert.NotNull(p);
        Assert.Equal((comm, pid, op, sector, sectors, dev), (p.Comm, p.Pid, p.Op, p.Sector, p.Sectors, p.Device));
    }

    [Theory]
    [InlineData("syslogd(4733): dirtied inode 426058 (syslog) on sda5", "syslogd", 426058UL, "syslog", "sda5")]
    [InlineData("bash(7073): dirtied inode 4026531947 (block_dump) on proc", "bash", 4026531947UL, "block_dump", "proc")]
    [InlineData("nginx(28798): dirtied inode 6554526 (?) on sde2", "nginx", 6554526UL, "?", "sde2")]
    [InlineData("vi(5): dirtied inode 12 (my file (1).txt) on sda1", "vi", 12UL, "my file (1).txt", "sda1")]
    [InlineData("vi(5): dirtied inode 12 (a) on b) on tmpfs", "vi", 12UL, "a) on b", "tmpfs")]
    public void Dirtied_inode_lines_keep_names_with_spaces_and_parentheses(string line, string comm, ulong ino, string name, string dev)
    {
        var p = Parse(line);
        Assert.NotNull(p);
        Assert.Equal((comm, BlockOp.DirtiedInode, ino, name, dev), (p.Comm, p.Op, p.Inode, p.Name, p.Device));
    }

    [Theory]
    [InlineData("reiserfs/0(12): dirtied page")]
    [InlineData("pdflush(88): dirtied buffer")]
    public void Dirtied_page_lines_of_the_260_patches_parse(string line)
    {
        var p = Parse(line);
        Assert.NotNull(p);
        Assert.Equal(BlockOp.DirtiedPage, p.Op);
        Assert.Equal("", p.Device);
    }

    [Theory]
    [InlineData("", 6691516770L, 0L)]
    [InlineData("[ 6691.516770] ", 6691516770L, 0L)]
    [InlineData("[4738409.496207] ", 4738409496207L, 0L)]
    [InlineData("<7>[ 1012.8] ", 1012800000L, 0L)]
    [InlineData("<7>", -1L, 0L)]
    [InlineData("7,1234,6691516770,-;", 6691516770L, 0L)]
    [InlineData("kern  :debug : [ 6691.516770] ", 6691516770L, 0L)]
    [InlineData("Jan 29 12:16:47 AMD-UB804 kernel: [ 1012.830775] ", 1012830775L, 1)]
    [InlineData("Jan 29 12:16:47 AMD-UB804 kernel: ", -1L, 1)]
    [InlineData("Jan  9 12:16:47.123456 host kernel: ", -1L, 2)]
    [InlineData("[ 1012.830775] host kernel: ", 1012830775L, 0L)]
    [InlineData("2024-01-31T09:14:54.123456+01:00 host kernel: [ 5.5] ", 5500000L, 3)]
    [InlineData("2024-01-31T09:14:54,123456+00:00 ", -1L, 3)]
    [InlineData("[Wed Jan 31 09:14:54 2024] ", -1L, 4)]
    [InlineData("[Thu Feb  1 09:14:54 2024] ", -1L, 5)]
    public void Every_prefix_is_stripped_and_its_stamp_read(string prefix, long uptime, long wallCase)
    {
        var line = prefix + "jbd2/sda1-8(297): WRITE block 843200 on sda1 (8 sectors)";
        var p = Parse(line);
        Assert.NotNull(p);
        Assert.Equal("jbd2/sda1-8", p.Comm);
        Assert.Equal(297, p.Pid);
        Assert.Equal(prefix.Length == 0 ? -1 : uptime, p.Uptime);
        DateTime? expected = wallCase switch
        {
            1 => new DateTime(2024, 1, 29, 12, 16, 47),
            2 => new DateTime(2024, 1, 9, 12, 16, 47).AddTicks(1234560),
            3 => new DateTime(2024, 1, 31, 9, 14, 54).AddTicks(1234560),
            4 => new DateTime(2024, 1, 31, 9, 14, 54),
            5 => new DateTime(2024, 2, 1, 9, 14, 54),
            _ => null,
        };
        Assert.Equal(expected?.Ticks ?? 0, p.Wall);
    }

    [Theory]
    [InlineData("[ 3.1] ata1.00: failed command: READ FPDMA QUEUED")]
    [InlineData("[ 3.1] blk_update_request: I/O error, dev sda, sector 1234 op 0x1:(WRITE) flags 0x800")]
    [InlineData("[ 3.1] compiz.real[6343]: segfault at 0 ip 0 sp 0 error 4")]
    [InlineData("[28964.017298] type=1503 audit(1223068459.567:5): operation=\"syscall\" name=\"mount\" pid=21669")]
    [InlineData("Jan 29 12:16:47 host myapp[42]: dd(4787): READ block 1 on sda")]
    [InlineData("foo(12): READ block on sda")]
    [InlineData("foo(12): READ block 12 on sda (x sectors)")]
    [InlineData("foo(12): READ block 12 on sda trailing")]
    [InlineData("foo(12): WRITE block 12 on ")]
    [InlineData("foo(): READ block 1 on sda")]
    [InlineData("baz(3): dirtied inode 12 on sda")]
    [InlineData("baz(3): dirtied inode x (a) on sda")]
    [InlineData("a very long program name(3): READ block 1 on sda")]
    [InlineData("ata1.00: READ block 5 on sda")]
    [InlineData("# kjournald(1813): WRITE block 1 on sda1 is what block_dump printed")]
    [InlineData("")]
    public void Look_alike_lines_are_rejected(string line) => Assert.Null(Parse(line));

    [Fact]
    public void The_first_pid_anchor_whose_remainder_is_a_full_message_wins()
    {
        // The inode name repeats the shape; the comm must still be "cp".
        var p = Parse("[ 1.0] cp(77): dirtied inode 5 (x(1): READ block 2 on sda) on sdb1");
        Assert.NotNull(p);
        Assert.Equal(("cp", 77, "x(1): READ block 2 on sda", "sdb1"), (p.Comm, p.Pid, p.Name, p.Device));
    }
}
