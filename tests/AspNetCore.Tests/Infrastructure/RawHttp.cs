using System.Net.Sockets;
using System.Text;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.AspNetCore.Tests.Infrastructure;

/// <summary>Sends a request as raw HTTP/1.1 bytes over a socket, so the middleware sees exactly what a client sent.</summary>
internal static class RawHttp
{
    /// <summary>
    /// The request as an HTTP/1.1 message of its own: the same request line and headers, the body with a
    /// Content-Length (no transfer coding), <c>Connection: close</c>, and the extra headers given.
    /// </summary>
    public static byte[] Serialise(HttpRequestData request, params (string Name, string Value)[] extra)
    {
        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Target).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        foreach (var (name, value) in extra)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (request.Body.Length > 0)
        {
            head.Append("Content-Length: ").Append(request.Body.Length).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. request.Body.Span];
    }

    /// <summary>Sends <paramref name="message"/> and reads the answer to its end; returns the status code.</summary>
    public static async Task<int> SendAsync(Uri server, byte[] message, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(message, cancellationToken);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, cancellationToken);
        var text = Encoding.ASCII.GetString(answer.GetBuffer(), 0, (int)Math.Min(answer.Length, 64));
        var parts = text.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], out var status) ? status : 0;
    }
}
