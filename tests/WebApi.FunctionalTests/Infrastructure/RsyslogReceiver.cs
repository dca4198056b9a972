using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Debian's rsyslogd as a throwaway syslog receiver: its own config (imtcp on a loopback port, omfile with the raw
/// message per line), run in the foreground as an unprivileged user when the tests run as root.
/// </summary>
public sealed partial class RsyslogReceiver : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/rsyslogd";
    private readonly string _directory;
    private Process? _process;

    private RsyslogReceiver(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string OutputFile => Path.Combine(_directory, "received.log");

    private string PidFile => Path.Combine(_directory, "rsyslogd.pid");

    public static async Task<RsyslogReceiver> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            TestEnvironment.Missing($"rsyslogd not found at {Binary} (install Debian's 'rsyslog' package)");
        }

        var directory = Path.Combine(Path.GetTempPath(), "infsec-rsyslog-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            // rsyslogd runs as nobody and writes its file here.
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }

        var receiver = new RsyslogReceiver(directory, TestEnvironment.FreePort());
        await File.WriteAllTextAsync(Path.Combine(directory, "rsyslog.conf"), $"""
            global(workDirectory="{directory}")
            module(load="imtcp")
            input(type="imtcp" port="{receiver.Port}" address="127.0.0.1")
            template(name="raw" type="string" string="%rawmsg%\n")
            action(type="omfile" file="{receiver.OutputFile}" template="raw" flushOnTXEnd="on" asyncWriting="off")
            """);
        await receiver.StartProcessAsync();
        return receiver;
    }

    /// <summary>Starts rsyslogd (again) on the same port and waits until it accepts connections.</summary>
    public async Task StartProcessAsync()
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "/usr/sbin/runuser" : Binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var a in new[] { "-u", "nobody", "--", Binary })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in new[] { "-n", "-f", Path.Combine(_directory, "rsyslog.conf"), "-i", PidFile })
        {
            start.ArgumentList.Add(a);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("rsyslogd did not start");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(20) && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                Assert.Fail($"rsyslogd did not listen on {Port}: {await _process.StandardError.ReadToEndAsync()}");
            }
        }
    }

    /// <summary>Stops rsyslogd the way an operator would (SIGTERM: it writes out what it received, then exits).</summary>
    public async Task StopProcessAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        var pid = int.Parse((await File.ReadAllTextAsync(PidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    /// <summary>The event ids in the received file, one per message, in arrival order.</summary>
    public IReadOnlyList<string> ReceivedIds() =>
        File.Exists(OutputFile)
            ? File.ReadAllLines(OutputFile).Select(l => IdPattern().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList()
            : [];

    public IReadOnlyList<string> ReceivedLines() => File.Exists(OutputFile) ? File.ReadAllLines(OutputFile) : [];

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex("""\[meta@32473 id="([0-9a-f-]{36})"\]""")]
    private static partial Regex IdPattern();
}
