// Checks a restricted key's deployment from outside, as an attacker holding the key
// would: a battery of requests that must be refused (a shell, a pty, port forwarding,
// programs and paths the policy does not allow, bytes the OpenSSH client cannot send)
// and, given the policy, one harmless command per rule that must run. A refusal counts
// only when the hook said so: "opskit: ... refused" on stderr and nothing on stdout.
using System.Net.Sockets;
using System.Text;
using OpsKit.SshGuard.Policy;
using Renci.SshNet;

namespace OpsKit.SshGuard.Probe;

/// <summary>Where to connect and with which key.</summary>
/// <param name="Host">Server name or address.</param>
/// <param name="Port">sshd's port.</param>
/// <param name="User">The backup account.</param>
/// <param name="KeyFile">The restricted private key (OpenSSH format).</param>
public sealed record ProbeTarget(string Host, int Port, string User, string KeyFile);

/// <summary>The outcome of one probe.</summary>
/// <param name="Name">What was tried.</param>
/// <param name="Pass">True when the deployment behaved as it must.</param>
/// <param name="Detail">What happened.</param>
/// <param name="Skipped">True when the probe could not be made (then Pass is true and Detail says why).</param>
public sealed record ProbeResult(string Name, bool Pass, string Detail, bool Skipped = false);

/// <summary>Runs the probes.</summary>
public static class DeploymentProbe
{
    /// <summary>The exec requests that must be refused, as exact bytes.</summary>
    public static IReadOnlyList<(string Name, byte[] Command)> RefusedCommands { get; } =
    [
        ("program: id", "id"u8.ToArray()),
        ("shell: sh -c id", "sh -c id"u8.ToArray()),
        ("chained: rsync ...; id", "rsync --server -logDtpr . /tmp/x; id"u8.ToArray()),
        ("substitution: $(id)", "rsync --server -logDtpr . /tmp/$(id)"u8.ToArray()),
        ("rsync --daemon", "rsync --daemon --no-detach --config=/nonexistent/opskit-probe.conf"u8.ToArray()),
        ("rsync -e", "rsync --server -e id . /tmp/x"u8.ToArray()),
        ("path escape: /etc", "rsync --server --sender -logDtpr . /etc/"u8.ToArray()),
        ("path escape: ..", "rsync --server --sender -logDtpr . /data/backup/../../etc/"u8.ToArray()),
        ("follow links: -L", "rsync --server --sender -logDtprL . /etc/passwd"u8.ToArray()),
        ("log file option", "rsync --server -logDtpr --log-file=/tmp/opskit-probe.log . /tmp/x"u8.ToArray()),
        ("NUL byte", "id\0 --help"u8.ToArray()),
        ("newline", "true\nid"u8.ToArray()),
        ("carriage return", "true\rid"u8.ToArray()),
        ("invalid UTF-8", [.. "rsync --server --sender -logDtpr . /data/backup/"u8, 0xC0, 0xAE, 0xFF]),
        ("64 KiB command", Encoding.ASCII.GetBytes("rsync --server -logDtpr . /" + new string('a', 65536))),
    ];

    /// <summary>Runs every probe; <paramref name="policy"/> adds one allowed command per rule.</summary>
    public static IReadOnlyList<ProbeResult> Run(ProbeTarget target, SshPolicy? policy, string? label, TimeSpan timeout)
    {
        using var key = LoadKey(target.KeyFile);
        using var client = new SshClient(new ConnectionInfo(target.Host, target.Port, target.User, new PrivateKeyAuthenticationMethod(target.User, key))
        {
            Timeout = timeout,
        });
        client.Connect();
        var results = new List<ProbeResult>
        {
            Step(client, "shell request", () => Shell(client, timeout)),
            Step(client, "pty request", () => Pty(client, timeout)),
            Step(client, "port forwarding", () => Forwarding(client, target, timeout)),
        };
        foreach (var (name, command) in RefusedCommands)
        {
            // sshd drops the whole connection on some requests (a NUL inside the command): each probe gets a live one.
            if (!client.IsConnected) client.Connect();
            var result = Refused(client, name, command, timeout);
            if (!result.Pass && result.Detail.StartsWith(NoAnswer, StringComparison.Ordinal) && Array.IndexOf(command, (byte)0) < 0)
            {
                // SSH.NET can drop the whole session when a channel opens and closes quickly (the server's EOF then
                // "refers to a nonexistent channel", sshnet/SSH.NET#609): a lost session is no answer from the
                // deployment, so the probe is asked once more on a new connection before it counts.
                Reconnect(client);
                result = Refused(client, name, command, timeout);
            }
            results.Add(result);
        }
        if (!client.IsConnected) client.Connect();
        if (policy is not null) results.AddRange(Allowed(client, policy, label, timeout));
        client.Disconnect();
        return results;
    }

    private const string NoAnswer = "no answer from the hook: ";

    /// <summary>
    /// Runs one session-level probe; a session lost under it (SSH.NET drops it at times, sshnet/SSH.NET#609) is not the
    /// deployment's answer: asked once more on a new connection, and a second loss is a failure, never a pass.
    /// </summary>
    private static ProbeResult Step(SshClient client, string name, Func<ProbeResult> probe)
    {
        if (!client.IsConnected) Reconnect(client);
        try
        {
            return probe();
        }
        catch (Renci.SshNet.Common.SshConnectionException)
        {
            Reconnect(client);
        }
        try
        {
            return probe();
        }
        catch (Renci.SshNet.Common.SshConnectionException e)
        {
            return new(name, false, "the session was lost twice: " + e.Message);
        }
    }

    private static PrivateKeyFile LoadKey(string path)
    {
        try
        {
            return new PrivateKeyFile(path);
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException or InvalidOperationException or ArgumentException or IOException)
        {
            throw new ProbeKeyException(e.Message, e);
        }
    }

    private static void Reconnect(SshClient client)
    {
        try
        {
            if (client.IsConnected) client.Disconnect();
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The session is already gone; Connect below starts a new one.
        }
        client.Connect();
    }

    /// <summary>True when stderr holds the hook's refusal and stdout is empty.</summary>
    public static bool HookRefused(string stdout, string stderr) =>
        stdout.Length == 0 && (stderr.Contains("opskit: command refused", StringComparison.Ordinal) || stderr.Contains("opskit: interactive login refused", StringComparison.Ordinal));

    private static (int? Exit, string Out, string Err) Exec(SshClient client, byte[] command, TimeSpan timeout)
    {
        // Latin-1 maps each char to one byte: the exec request carries exactly these bytes.
        using var cmd = client.CreateCommand(Encoding.Latin1.GetString(command), Encoding.Latin1);
        using var cancel = new CancellationTokenSource(timeout);
        var run = cmd.ExecuteAsync(cancel.Token);
        // Protocol version 0, then end of input: an allowed rsync server refuses the version and stops after its
        // greeting instead of waiting for a client that never comes.
        try
        {
            using var input = cmd.CreateInputStream();
            input.Write([0, 0, 0, 0]);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // The command already ended (a refusal or a quick `id` can finish before the input is opened: SSH.NET then
            // says "The input stream can be used only during execution"); its result below is what counts.
        }
        try
        {
            run.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no answer within {timeout.TotalSeconds:F0} s");
        }
        return (cmd.ExitStatus, cmd.Result, cmd.Error);
    }

    private static ProbeResult Refused(SshClient client, string name, byte[] command, TimeSpan timeout)
    {
        try
        {
            var (exit, stdout, stderr) = Exec(client, command, timeout);
            if (HookRefused(stdout, stderr)) return new(name, true, "refused by the hook: " + FirstLine(stderr));
            return new(name, false, $"not refused by the hook (exit {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {Describe(stdout, stderr)}");
        }
        catch (Renci.SshNet.Common.SshConnectionException e) when (Array.IndexOf(command, (byte)0) >= 0)
        {
            // OpenSSH will not put a NUL into SSH_ORIGINAL_COMMAND: it ends the connection instead, and nothing runs.
            return new(name, true, $"refused by sshd: {e.Message}");
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException or TimeoutException or SocketException)
        {
            return new(name, false, NoAnswer + e.Message);
        }
    }

    private const string Marker = "opskit-probe-$((6*7))";
    private const string Ran = "opskit-probe-42";

    private static ProbeResult Shell(SshClient client, TimeSpan timeout)
    {
        try
        {
            using var shell = client.CreateShellStreamNoTerminal();
            shell.WriteLine($"echo {Marker}; exit");
            var text = ReadAll(shell, timeout);
            // The hook's refusal goes to stderr, which a shell channel does not show; what counts is that nothing ran.
            return text.Contains(Ran, StringComparison.Ordinal)
                ? new("shell request", false, "a shell ran commands")
                : new("shell request", true, text.Length == 0 ? "no shell: the commands sent were not run" : $"no shell ran: {Clip(text)}");
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException and not Renci.SshNet.Common.SshConnectionException or TimeoutException)
        {
            return new("shell request", true, $"refused by sshd: {e.Message}");
        }
    }

    private static ProbeResult Pty(SshClient client, TimeSpan timeout)
    {
        try
        {
            using var shell = client.CreateShellStream("xterm", 80, 24, 640, 480, 4096);
            shell.WriteLine($"echo {Marker}; exit");
            var text = ReadAll(shell, timeout);
            return new("pty request", false, text.Contains(Ran, StringComparison.Ordinal)
                ? "a pty was granted and a shell ran commands"
                : "a pty was granted (the key line lacks restrict or no-pty)");
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException and not Renci.SshNet.Common.SshConnectionException or TimeoutException)
        {
            return new("pty request", true, $"denied: {e.Message}");
        }
    }

    private static ProbeResult Forwarding(SshClient client, ProbeTarget target, TimeSpan timeout)
    {
        // Ask sshd to connect to itself on the server's loopback: a granted channel reads its banner.
        var port = new ForwardedPortLocal("127.0.0.1", 0, "127.0.0.1", (uint)target.Port);
        try
        {
            client.AddForwardedPort(port);
            port.Start();
            using var tcp = new TcpClient();
            tcp.Connect("127.0.0.1", (int)port.BoundPort);
            tcp.ReceiveTimeout = (int)timeout.TotalMilliseconds;
            var buffer = new byte[64];
            int n;
            try
            {
                n = tcp.GetStream().Read(buffer);
            }
            catch (IOException)
            {
                n = 0;
            }
            var banner = Encoding.ASCII.GetString(buffer, 0, n);
            return banner.StartsWith("SSH-", StringComparison.Ordinal)
                ? new("port forwarding", false, $"a direct-tcpip channel was opened (read '{banner.TrimEnd()}')")
                : new("port forwarding", true, "the channel was refused");
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException and not Renci.SshNet.Common.SshConnectionException or SocketException)
        {
            return new("port forwarding", true, $"refused: {e.Message}");
        }
        finally
        {
            if (port.IsStarted) port.Stop();
            client.RemoveForwardedPort(port);
            port.Dispose();
        }
    }

    private static IEnumerable<ProbeResult> Allowed(SshClient client, SshPolicy policy, string? label, TimeSpan timeout)
    {
        if (LabelRoots.Bind(policy, label, out var why) is not { } bound)
        {
            yield return new("policy", false, why!);
            yield break;
        }
        if (bound.Rsync is { } rsync && bound.Paths.Roots.Count > 0)
        {
            var root = bound.Paths.Roots[0].TrimEnd('/') + "/";
            // The server half of a transfer whose client never answers: it sends its protocol version, reads EOF, exits.
            var pull = rsync.Direction != Direction.Push;
            var words = pull ? $"{rsync.Programs[0]} --server --sender -r . {root}" : $"{rsync.Programs[0]} --server -r . {root}opskit-probe/";
            yield return Allowed(client, "allowed: rsync " + (pull ? "pull" : "push"), words, timeout);
        }
        foreach (var rule in bound.Commands)
        {
            if (Sample(rule, bound) is not { } sample)
            {
                yield return new($"allowed: {rule.Name}", true, "not tried: no dry-run option or no harmless value for a required option", Skipped: true);
                continue;
            }
            yield return Allowed(client, $"allowed: {rule.Name}", sample, timeout);
        }
    }

    private static ProbeResult Allowed(SshClient client, string name, string command, TimeSpan timeout)
    {
        try
        {
            var (exit, stdout, stderr) = Exec(client, Encoding.ASCII.GetBytes(command), timeout);
            return stderr.Contains("opskit: command refused", StringComparison.Ordinal)
                ? new(name, false, $"'{command}' was refused: {FirstLine(stderr)}")
                : new(name, true, $"'{command}' ran (exit {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException or TimeoutException)
        {
            return new(name, false, $"'{command}': {e.Message}");
        }
    }

    /// <summary>A harmless command for a rule: its dry-run option and a value for each required option; null when none can be made.</summary>
    public static string? Sample(CommandRule rule, SshPolicy policy)
    {
        if (!rule.Options.ContainsKey("dry-run")) return null;
        List<string> words = [rule.Programs[0], .. rule.Words];
        foreach (var option in rule.Options.Values.Where(o => o.Required))
        {
            var value = option.Value switch
            {
                ValueKind.Path => (option.Roots.Count > 0 ? option.Roots : policy.Paths.Roots).FirstOrDefault(),
                ValueKind.Integer => Math.Max(option.Min, Math.Min(option.Max, 7)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ValueKind.Choice or ValueKind.List => option.Choices.FirstOrDefault(),
                ValueKind.None => "",
                _ => null,
            };
            if (value is null) return null;
            words.Add(option.Value == ValueKind.None ? option.Display : $"{option.Display}={value}");
        }
        words.Add("--dry-run");
        return string.Join(' ', words);
    }

    /// <summary>What the session prints until it has been quiet for a while after some output, or the timeout.</summary>
    private static string ReadAll(ShellStream shell, TimeSpan timeout)
    {
        var text = new StringBuilder();
        var deadline = DateTime.UtcNow + timeout;
        var lastData = DateTime.UtcNow;
        var buffer = new byte[4096];
        while (DateTime.UtcNow < deadline)
        {
            if (shell.DataAvailable)
            {
                var n = shell.Read(buffer, 0, buffer.Length);
                if (n <= 0) break;
                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
                lastData = DateTime.UtcNow;
                continue;
            }
            if (text.Length > 0 && DateTime.UtcNow - lastData > TimeSpan.FromSeconds(1.5)) break;
            Thread.Sleep(50);
        }
        return text.ToString();
    }

    private static string Describe(string stdout, string stderr) =>
        stdout.Length > 0 ? $"stdout '{Clip(stdout)}'" : stderr.Length > 0 ? $"stderr '{Clip(stderr)}'" : "no output";

    private static string FirstLine(string text) => Clip(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => l.StartsWith("opskit", StringComparison.Ordinal)) ?? text);

    private static string Clip(string s)
    {
        s = s.Replace('\n', ' ').Replace('\r', ' ').Trim();
        return s.Length <= 100 ? s : s[..100] + "...";
    }
}

/// <summary>The private key file could not be read (missing, encrypted, not a key).</summary>
public sealed class ProbeKeyException(string message, Exception inner) : Exception(message, inner);
