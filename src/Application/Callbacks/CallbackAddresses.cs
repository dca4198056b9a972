using System.Net;
using System.Net.Sockets;

namespace InfiniteSecurity.Application.Callbacks;

/// <summary>
/// Which IP addresses a callback must never reach: the service's own host, internal networks and cloud metadata
/// endpoints. A request to a customer's URL is a request made from inside our network, so everything that is not
/// clearly public is refused unless the operator opted a network in.
/// </summary>
public static class CallbackAddresses
{
    private static readonly IPNetwork[] BlockedV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/4"),

        // Reserved, and 255.255.255.255 (limited broadcast) with it.
        IPNetwork.Parse("240.0.0.0/4"),
    ];

    private static readonly IPNetwork[] BlockedV6 =
    [
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),

        // The EC2 metadata endpoint over IPv6 (inside fc00::/7 too; named so that it stays refused if that changes).
        IPNetwork.Parse("fd00:ec2::254/128"),
    ];

    // NAT64 well-known prefix: the last 32 bits are an IPv4 address the translator will connect to.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>Parses CIDR strings; false with the offending entry when one is not a network.</summary>
    public static bool TryParseNetworks(IEnumerable<string> cidrs, out IReadOnlyList<IPNetwork> networks, out string? invalid)
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        var list = new List<IPNetwork>();
        foreach (var cidr in cidrs)
        {
            if (!IPNetwork.TryParse(cidr?.Trim() ?? string.Empty, out var network))
            {
                networks = [];
                invalid = cidr;
                return false;
            }

            list.Add(network);
        }

        networks = list;
        invalid = null;
        return true;
    }

    /// <summary>
    /// True when a callback must not connect to <paramref name="address"/>. IPv4-mapped and NAT64 forms are judged
    /// as the IPv4 address they reach; an address inside one of <paramref name="allowedNetworks"/> is permitted.
    /// </summary>
    public static bool IsBlocked(IPAddress address, IReadOnlyList<IPNetwork>? allowedNetworks = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        var effective = Effective(address);
        if (allowedNetworks is not null)
        {
            foreach (var network in allowedNetworks)
            {
                if (network.Contains(effective) || network.Contains(address))
                {
                    return false;
                }
            }
        }

        var blocked = effective.AddressFamily == AddressFamily.InterNetwork ? BlockedV4 : BlockedV6;
        foreach (var network in blocked)
        {
            if (network.Contains(effective))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress Effective(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (Nat64.Contains(address))
        {
            var bytes = address.GetAddressBytes();
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        // A scope id does not change where the address points.
        return address.ScopeId == 0 ? address : new IPAddress(address.GetAddressBytes());
    }
}
