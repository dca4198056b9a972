using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Application.Siem.Formats;

namespace InfiniteSecurity.Infrastructure.Siem.Forwarding;

/// <summary>
/// Syslog RFC 5424 messages in octet-counted frames (RFC 6587) over TCP or TLS (RFC 5425). TCP says nothing about
/// what the receiver read: bytes written into a connection the receiver has just lost vanish without an error. So
/// each batch goes over its own connection, which is then half-closed; the batch counts as delivered only when the
/// receiver closes its side too, which it does after reading everything up to our end of stream. Anything else
/// (refused, reset, timeout) fails the batch, and the forwarder sends it again from its saved cursor.
/// </summary>
internal sealed class SyslogSink(ForwarderOptions options) : ISecurityEventSink
{
    private const int Facility = 13; // log audit
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(15);
    private readonly string _host = Sanitise(System.Net.Dns.GetHostName(), 255);

    public async Task SendAsync(IReadOnlyList<SecurityEventView> batch, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConfirmTimeout);
        using var client = new TcpClient();
        await client.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
        Stream stream = client.GetStream();
        SslStream? tls = null;
        if (options.Tls)
        {
            tls = new SslStream(stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host }, timeout.Token).ConfigureAwait(false);
            stream = tls;
        }

        await using (stream.ConfigureAwait(false))
        {
            var frames = new MemoryStream();
            foreach (var e in batch)
            {
                var message = Encoding.UTF8.GetBytes(Message(e));
                frames.Write(Encoding.ASCII.GetBytes(message.Length.ToString(CultureInfo.InvariantCulture) + " "));
                frames.Write(message);
            }

            await stream.WriteAsync(frames.GetBuffer().AsMemory(0, (int)frames.Length), timeout.Token).ConfigureAwait(false);
            await stream.FlushAsync(timeout.Token).ConfigureAwait(false);
            if (tls is not null)
            {
                await tls.ShutdownAsync().ConfigureAwait(false);
            }

            client.Client.Shutdown(SocketShutdown.Send);
            var buffer = new byte[256];
            while (await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false) > 0)
            {
                // A syslog receiver sends nothing; whatever arrives is read only to reach its end of stream.
            }
        }
    }

    /// <summary><c>&lt;PRI&gt;1 TIMESTAMP HOST APP - MSGID [meta id="..."] MSG</c>; the id in structured data lets a receiver de-duplicate.</summary>
    internal string Message(SecurityEventView e)
    {
        var severity = SecurityEventCatalogue.Severity(e) switch { >= 10 => 2, >= 8 => 3, >= 5 => 4, >= 3 => 5, _ => 6 };
        var body = options.Format switch
        {
            SecurityEventFormat.Leef => LeefFormat.ToLine(e),
            SecurityEventFormat.Json => JsonSerializer.Serialize(NativeJsonFormat.ToJson(e)),
            _ => CefFormat.ToLine(e),
        };
        var time = e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return $"<{(Facility * 8) + severity}>1 {time} {_host} InfiniteSecurity - {Sanitise(e.Type, 32)} [meta@32473 id=\"{e.Id}\"] {body}";
    }

    /// <summary>Header fields are printable US-ASCII without spaces (RFC 5424 §6).</summary>
    private static string Sanitise(string value, int max)
    {
        var clean = new string(value.Where(c => c is > ' ' and < '\u007f').Take(max).ToArray());
        return clean.Length == 0 ? "-" : clean;
    }
}
