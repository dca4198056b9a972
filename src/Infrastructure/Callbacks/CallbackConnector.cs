using System.Net;
using System.Net.Sockets;
using InfiniteSecurity.Application.Callbacks;

namespace InfiniteSecurity.Infrastructure.Callbacks;

/// <summary>
/// The only way a callback opens a connection: resolve the host, keep the addresses <see cref="CallbackAddresses"/>
/// permits, connect to one of those. Checking here rather than at submit is what defeats DNS rebinding: the address
/// connected to is the address checked, whatever the name resolves to by then.
/// </summary>
internal sealed class CallbackConnector(IReadOnlyList<IPNetwork> allowedNetworks)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var permitted = addresses.Where(a => !CallbackAddresses.IsBlocked(a, allowedNetworks)).ToArray();
        if (permitted.Length == 0)
        {
            throw new CallbackRefusedException($"Callback host '{endpoint.Host}' resolves only to blocked addresses.");
        }

        SocketException? last = null;
        foreach (var address in permitted)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}

/// <summary>A callback connection refused by the address policy; not worth retrying.</summary>
public sealed class CallbackRefusedException(string message) : IOException(message);
