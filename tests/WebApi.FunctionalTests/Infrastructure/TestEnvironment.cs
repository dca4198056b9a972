using System.Net;
using System.Net.Sockets;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>What the tests need from the machine, and one policy for when it is missing.</summary>
public static class TestEnvironment
{
    /// <summary>
    /// A real dependency (PostgreSQL, Chromium) is missing: under CI=true the test fails — CI installs these, so a
    /// missing one is a broken install, never a silent skip; on a developer machine it is ignored with the reason.
    /// </summary>
    public static void Missing(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
    }

    /// <summary>A loopback port free at this moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
