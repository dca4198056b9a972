using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InfiniteSecurity.Detection.Web;

/// <summary>
/// Reads a URL host the way permissive resolvers do (inet_aton: 1 to 4 parts, each decimal, octal or hex) so that
/// <c>2130706433</c>, <c>0x7f.1</c> and <c>0177.0.0.1</c> are all recognised as 127.0.0.1, and tells internal
/// destinations (loopback, private, link-local, cloud metadata) from public ones.
/// </summary>
internal static class HostClassifier
{
    public static bool TryParseIPv4(ReadOnlySpan<char> host, out uint address, out bool obfuscated)
    {
        address = 0;
        obfuscated = false;
        if (host.Length == 0 || host.Length > 40)
        {
            return false;
        }

        Span<uint> parts = stackalloc uint[4];
        var count = 0;
        var start = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i < host.Length && host[i] != '.')
            {
                continue;
            }

            // inet_aton implementations that accumulate into 32 bits keep the low bits of a long hex number.
            var whole = count == 0 && i == host.Length;
            if (count == 4 || !TryParsePart(host[start..i], whole, out var value, ref obfuscated))
            {
                return false;
            }

            parts[count++] = value;
            start = i + 1;
        }

        obfuscated |= count != 4;
        return TryCombine(parts[..count], out address);
    }

    // One inet_aton part: decimal, octal (leading 0) or hex (0x).
    private static bool TryParsePart(ReadOnlySpan<char> p, bool whole, out uint part, ref bool obfuscated)
    {
        part = 0;
        ulong value;
        if (p.Length == 0)
        {
            return false;
        }

        if (p.Length > 2 && p[0] == '0' && p[1] is 'x' or 'X')
        {
            var digits = p[2..].Length > 8 && whole ? p[^8..] : p[2..];
            if (digits.Length > 16 || !ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }

            obfuscated = true;
        }
        else if (p.Length > 1 && p[0] == '0')
        {
            value = 0;
            foreach (var c in p)
            {
                if (c is < '0' or > '7' || value > uint.MaxValue)
                {
                    return false;
                }

                value = (value * 8) + (ulong)(c - '0');
            }

            obfuscated = true;
        }
        else if (!ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        part = (uint)value;
        return value <= uint.MaxValue;
    }

    // a, a.b (24-bit b), a.b.c (16-bit c), a.b.c.d.
    private static bool TryCombine(ReadOnlySpan<uint> parts, out uint address)
    {
        address = 0;
        switch (parts.Length)
        {
            case 1:
                address = parts[0];
                return true;
            case 2 when parts[0] <= 255 && parts[1] <= 0xFFFFFF:
                address = (parts[0] << 24) | parts[1];
                return true;
            case 3 when parts[0] <= 255 && parts[1] <= 255 && parts[2] <= 0xFFFF:
                address = (parts[0] << 24) | (parts[1] << 16) | parts[2];
                return true;
            case 4 when parts[0] <= 255 && parts[1] <= 255 && parts[2] <= 255 && parts[3] <= 255:
                address = (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3];
                return true;
            default:
                return false;
        }
    }

    // Wildcard DNS services answer any name with the address written in it: 127.0.0.1.nip.io, app-10-0-0-1.nip.io,
    // 7f000001.nip.io, 7f000001.c0a80001.rbndr.us. Any label run that spells an internal address counts.
    private static bool EmbedsInternalAddress(string host)
    {
        var labels = host.Split('.');
        if (labels.Length > 4)
        {
            for (var k = 0; k + 4 <= labels.Length; k++)
            {
                var candidate = string.Join('.', labels, k, 4);
                if (IsDottedDecimal(candidate) && TryParseIPv4(candidate, out var a, out _) && IsInternal(a))
                {
                    return true;
                }
            }
        }

        if (labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels.AsSpan(0, labels.Length - 1))
        {
            if (EmbedsInLabel(label))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EmbedsInLabel(string label)
    {
        var dashed = label.Split('-');
        for (var k = 0; k + 4 <= dashed.Length; k++)
        {
            var candidate = string.Join('.', dashed, k, 4);
            if (IsDottedDecimal(candidate) && TryParseIPv4(candidate, out var a, out _) && IsInternal(a))
            {
                return true;
            }
        }

        foreach (var candidate in dashed)
        {
            var part = candidate.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? candidate[2..] : candidate;
            if (part.Length == 8 && uint.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
                && part.Any(char.IsAsciiLetter) && IsInternal(hex) && (hex >> 24) is 127 or 10 or 169 or 192 or 172)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDottedDecimal(string s) => s.Length >= 7 && s.All(c => char.IsAsciiDigit(c) || c == '.');

    public static bool IsInternal(uint a) =>
        (a >> 24) is 127 or 10 or 0 || a == ((192u << 24) | 192) || (a >> 20) == (172 << 4 | 1) || (a >> 16) == ((192 << 8) | 168) || (a >> 16) == ((169 << 8) | 254)
        || a == ((100u << 24) | (100 << 16) | (100 << 8) | 200) || (a >> 22) == ((100 << 2) | 1);

    private static bool IsInternalIPv6(ReadOnlySpan<char> v6, out bool metadata, out bool obfuscated)
    {
        metadata = false;
        obfuscated = false;
        var zone = v6.IndexOf('%');
        if (zone >= 0)
        {
            v6 = v6[..zone];
            obfuscated = true;
        }

        if (!IPAddress.TryParse(v6, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var bytes = ip.GetAddressBytes();
        if (ip.IsIPv4MappedToIPv6 || bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && (bytes[12] | bytes[13]) != 0)
        {
            // ::ffff:127.0.0.1, ::ffff:7f00:1 and the deprecated IPv4-compatible ::127.0.0.1.
            obfuscated = true;
            var mapped = (uint)((bytes[12] << 24) | (bytes[13] << 16) | (bytes[14] << 8) | bytes[15]);
            metadata = mapped == ((169u << 24) | (254 << 16) | (169 << 8) | 254);
            return IsInternal(mapped);
        }

        metadata = bytes[0] == 0xfd && bytes[1] == 0 && bytes[2] == 0x0e && bytes[3] == 0xc2;
        obfuscated |= !v6.SequenceEqual("::1");
        return IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.IPv6Any) || ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || metadata;
    }

    /// <summary>Internal by name or literal address. <paramref name="metadata"/> marks cloud metadata endpoints.</summary>
    public static bool IsInternalHost(ReadOnlySpan<char> host, out bool metadata, out bool obfuscated)
    {
        metadata = false;
        obfuscated = false;
        if (host.Length == 0)
        {
            return false;
        }

        host = host.Length > 1 && host[^1] == '.' ? host[..^1] : host;
        if (host[0] == '[')
        {
            return IsInternalIPv6(host.Trim("[]"), out metadata, out obfuscated);
        }

        if (TryParseIPv4(host, out var address, out obfuscated))
        {
            metadata = address == ((169u << 24) | (254 << 16) | (169 << 8) | 254) || address == ((100u << 24) | (100 << 16) | (100 << 8) | 200)
                || address == ((192u << 24) | 192);
            return IsInternal(address);
        }

        var lower = host.ToString().ToLowerInvariant().TrimEnd('.');
        if (lower.StartsWith("metadata", StringComparison.Ordinal) || lower.EndsWith(".internal", StringComparison.Ordinal) || lower is "instance-data" or "instance-data.ec2.internal")
        {
            metadata = true;
            return true;
        }

        // Names that resolve to loopback by design, and wildcard DNS (127.0.0.1.nip.io) that embeds an internal
        // address in the name: both exist to get past host-name allow-lists.
        if (lower is "localtest.me" or "lvh.me" or "vcap.me" or "localh.st" || lower.EndsWith(".localtest.me", StringComparison.Ordinal) || lower.EndsWith(".lvh.me", StringComparison.Ordinal) || lower.EndsWith(".vcap.me", StringComparison.Ordinal))
        {
            obfuscated = true;
            return true;
        }

        if (EmbedsInternalAddress(lower))
        {
            obfuscated = true;
            return true;
        }

        return lower is "localhost" or "localhost.localdomain" or "ip6-localhost" or "ip6-loopback" || lower.EndsWith(".localhost", StringComparison.Ordinal);
    }
}
