// Writes synthetic kernel logs with known truth: random tasks (comms with spaces,
// dashes, colons, slashes, parentheses), pids, devices, ops and sizes, under every
// log prefix LogPrefix knows, mixed with look-alike noise lines.
using System.Globalization;
using System.Text;

namespace OpsKit.IoWait.Tests.Summary;

/// <summary>What the generator wrote: per (comm, pid) counts and totals.</summary>
public sealed class GeneratedTruth
{
    /// <summary>Per task: reads, writes, dirtied, bytes, events without size.</summary>
    public Dictionary<(string Comm, int? Pid), long[]> Tasks { get; } = [];
    /// <summary>Lines written.</summary>
    public long Lines { get; set; }
    /// <summary>block_dump lines written.</summary>
    public long Events { get; set; }
    /// <summary>Per device event counts.</summary>
    public Dictionary<string, long> Devices { get; } = [];
}

/// <summary>The generator.</summary>
public sealed class LogGenerator(int seed)
{
    private static readonly string[] s_comms =
    [
        "dd", "kjournald", "jbd2/sda1-8", "flush-8:0", "kworker/u8:1", "Web Content", "(sd-pam)", "gnome-do",
        "updatedb.mlocat", "btrfs-transacti", "php-fpm7.4", "mysqld", "a: b", "x(1): y", "rsync", "ceph-osd", "postgres: wal",
    ];
    private static readonly string[] s_devices = ["sda1", "sda5", "sdb", "md1", "dm-0", "nvme0n1p1", "vda1", "proc", "tmpfs"];
    private static readonly string[] s_names = ["syslog", "kern.log", "?", "my file (1).txt", "a) on b", "ld-2.5.so"];
    private static readonly string[] s_noise =
    [
        "ata1.00: failed command: READ FPDMA QUEUED",
        "blk_update_request: I/O error, dev sda, sector 1234 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0",
        "compiz.real[6343]: segfault at 0 ip 0 sp 0 error 4",
        "type=1503 audit(1223068459.567:5): operation=\"syscall\" name=\"mount\" pid=21669",
        "EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.",
        "foo(12): READ block on sda",
        "bar(7): WRITE block 12 on sda (x sectors)",
        "baz(3): dirtied inode 12 on sda",
    ];
    private readonly Random _rng = new(seed);

    /// <summary>Kinds of prefix; the generator picks one per line.</summary>
    public static readonly string[] Prefixes = ["none", "uptime", "ctime", "kmsg", "prio", "syslog", "journal", "monotonic", "iso", "level", "syslog-iso"];

    /// <summary>Writes about <paramref name="lines"/> lines to <paramref name="w"/> and returns the truth.</summary>
    public GeneratedTruth Write(TextWriter w, int lines, int tasks = 40, double noise = 0.3)
    {
        var truth = new GeneratedTruth();
        var pool = Enumerable.Range(0, tasks).Select(_ => (Comm: s_comms[_rng.Next(s_comms.Length)], Pid: (int?)_rng.Next(1, 4_000_000))).ToList();
        pool.Add(("kjournald", null)); // a 2.4-style task without pid
        var uptime = 1000.0 + _rng.Next(100000);
        for (var i = 0; i < lines; i++)
        {
            uptime += _rng.NextDouble() * 0.01;
            var prefix = Prefix(Prefixes[_rng.Next(Prefixes.Length)], uptime);
            truth.Lines++;
            if (_rng.NextDouble() < noise)
            {
                var n = s_noise[_rng.Next(s_noise.Length)];
                // Userland syslog lines that look like block_dump must be ignored: not from "kernel:".
                w.Write(_rng.Next(10) == 0 ? $"Jan 29 12:16:47 host myapp[42]: dd(4787): READ block 1 on sda\n" : $"{prefix}{n}\n");
                continue;
            }
            var (comm, pid) = pool[(int)Math.Min(pool.Count - 1, Math.Abs(NextGaussian() * pool.Count / 3))];
            truth.Events++;
            WriteEvent(w, prefix, comm, pid, truth);
        }
        return truth;
    }

    private void WriteEvent(TextWriter w, string prefix, string comm, int? pid, GeneratedTruth truth)
    {
        var counts = truth.Tasks.TryGetValue((comm, pid), out var c) ? c : truth.Tasks[(comm, pid)] = new long[5];
        var dev = s_devices[_rng.Next(s_devices.Length)];
        if (pid is null)
        {
            dev = $"{_rng.Next(3, 9):00}:{_rng.Next(0, 16):00}";
            var n = 8 * _rng.Next(1, 5);
            var read = _rng.Next(2) == 0;
            w.Write($"{prefix}{comm}: {(read ? "READ" : "WRITE")} block {_rng.Next(1_000_000)}/{n} on {dev}\n");
            counts[read ? 0 : 1]++;
            counts[3] += n * 512L;
        }
        else if (_rng.Next(5) == 0)
        {
            var name = s_names[_rng.Next(s_names.Length)];
            w.Write($"{prefix}{comm}({pid}): dirtied inode {_rng.Next(1, 50_000_000)} ({name}) on {dev}\n");
            counts[2]++;
        }
        else
        {
            var op = _rng.Next(10) switch { 0 => "READA", 1 => "SWRITE", < 6 => "READ", _ => "WRITE" };
            var sized = _rng.Next(5) != 0;
            var n = 1 << _rng.Next(0, 12);
            w.Write($"{prefix}{comm}({pid}): {op} block {(ulong)_rng.NextInt64(1L << 40)} on {dev}{(sized ? $" ({n} sectors)" : "")}\n");
            counts[op.Contains("READ") ? 0 : 1]++;
            if (sized) counts[3] += n * 512L;
            else counts[4]++;
        }
        truth.Devices[dev] = truth.Devices.GetValueOrDefault(dev) + 1;
    }

    private string Prefix(string kind, double up)
    {
        var t = new DateTime(2024, 1, 31, 9, 14, 54).AddSeconds(up - 1000);
        var u = up.ToString("0.000000", CultureInfo.InvariantCulture).PadLeft(12);
        return kind switch
        {
            "uptime" => $"[{u}] ",
            "ctime" => $"[{t.ToString("ddd MMM", CultureInfo.InvariantCulture)} {t.Day,2} {t.ToString("HH:mm:ss yyyy", CultureInfo.InvariantCulture)}] ",
            "kmsg" => $"7,{_rng.Next(100000)},{(long)(up * 1e6)},-;",
            "prio" => $"<7>[{u}] ",
            "syslog" => $"{t.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture)} srv kernel: [{u}] ",
            "journal" => $"{t.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture)} srv kernel: ",
            "monotonic" => $"[{u}] srv kernel: ",
            "iso" => $"{t.ToString("yyyy-MM-ddTHH:mm:ss,ffffff", CultureInfo.InvariantCulture)}+00:00 ",
            "level" => $"kern  :debug : [{u}] ",
            "syslog-iso" => $"{t.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+01:00 srv kernel: [{u}] ",
            _ => "",
        };
    }

    private double NextGaussian() => Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());

    /// <summary>Writes a log to a string.</summary>
    public static (string Text, GeneratedTruth Truth) Generate(int seed, int lines, int tasks = 40)
    {
        var sb = new StringBuilder();
        using var w = new StringWriter(sb);
        var truth = new LogGenerator(seed).Write(w, lines, tasks);
        return (sb.ToString(), truth);
    }
}
