using System.Net;
using InfiniteSecurity.Application.Callbacks;

namespace InfiniteSecurity.Application.UnitTests.Callbacks;

public sealed class CallbackAddressesTests
{
    [TestCase("127.0.0.1", TestName = "Loopback is blocked")]
    [TestCase("127.255.1.2", TestName = "All of 127/8 is blocked")]
    [TestCase("10.1.2.3", TestName = "10/8 is blocked")]
    [TestCase("172.16.0.1", TestName = "The bottom of 172.16/12 is blocked")]
    [TestCase("172.31.255.254", TestName = "The top of 172.16/12 is blocked")]
    [TestCase("192.168.10.10", TestName = "192.168/16 is blocked")]
    [TestCase("169.254.169.254", TestName = "The cloud metadata address is blocked")]
    [TestCase("169.254.3.4", TestName = "IPv4 link-local is blocked")]
    [TestCase("100.64.0.1", TestName = "The bottom of CGNAT 100.64/10 is blocked")]
    [TestCase("100.127.255.255", TestName = "The top of CGNAT 100.64/10 is blocked")]
    [TestCase("0.0.0.0", TestName = "The unspecified IPv4 address is blocked")]
    [TestCase("0.12.34.56", TestName = "0/8 is blocked")]
    [TestCase("224.0.0.251", TestName = "IPv4 multicast is blocked")]
    [TestCase("255.255.255.255", TestName = "The limited broadcast address is blocked")]
    [TestCase("::1", TestName = "IPv6 loopback is blocked")]
    [TestCase("::", TestName = "The unspecified IPv6 address is blocked")]
    [TestCase("fc00::1", TestName = "IPv6 unique local fc00::/7 is blocked")]
    [TestCase("fd12:3456::1", TestName = "IPv6 unique local fd00::/8 is blocked")]
    [TestCase("fd00:ec2::254", TestName = "The EC2 IPv6 metadata address is blocked")]
    [TestCase("fe80::1", TestName = "IPv6 link-local is blocked")]
    [TestCase("ff02::1", TestName = "IPv6 multicast is blocked")]
    [TestCase("::ffff:127.0.0.1", TestName = "IPv4-mapped loopback is blocked")]
    [TestCase("::ffff:169.254.169.254", TestName = "IPv4-mapped metadata address is blocked")]
    [TestCase("::ffff:10.0.0.1", TestName = "IPv4-mapped private address is blocked")]
    [TestCase("64:ff9b::a9fe:a9fe", TestName = "The NAT64 form of the metadata address is blocked")]
    public void Blocked(string address) => Assert.That(CallbackAddresses.IsBlocked(IPAddress.Parse(address)), Is.True);

    [TestCase("93.184.215.14", TestName = "A public IPv4 address is allowed")]
    [TestCase("172.32.0.1", TestName = "Just above 172.16/12 is allowed")]
    [TestCase("100.128.0.1", TestName = "Just above CGNAT is allowed")]
    [TestCase("2606:4700::1111", TestName = "A public IPv6 address is allowed")]
    [TestCase("::ffff:93.184.215.14", TestName = "An IPv4-mapped public address is allowed")]
    public void Allowed(string address) => Assert.That(CallbackAddresses.IsBlocked(IPAddress.Parse(address)), Is.False);

    [Test]
    public void An_operator_allowed_network_permits_its_addresses_and_their_mapped_forms_but_nothing_else()
    {
        Assert.That(CallbackAddresses.TryParseNetworks(["127.0.0.0/8"], out var networks, out _), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(CallbackAddresses.IsBlocked(IPAddress.Parse("127.0.0.1"), networks), Is.False);
            Assert.That(CallbackAddresses.IsBlocked(IPAddress.Parse("::ffff:127.0.0.1"), networks), Is.False);
            Assert.That(CallbackAddresses.IsBlocked(IPAddress.Parse("10.0.0.1"), networks), Is.True);
            Assert.That(CallbackAddresses.IsBlocked(IPAddress.Parse("::1"), networks), Is.True);
        });
    }

    [Test]
    public void A_network_that_is_not_cidr_is_reported()
    {
        Assert.That(CallbackAddresses.TryParseNetworks(["10.0.0.0/8", "ten"], out _, out var invalid), Is.False);
        Assert.That(invalid, Is.EqualTo("ten"));
    }
}
