using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

namespace InfiniteSecurity.WebApi.FunctionalTests;

/// <summary>Removes the throwaway PostgreSQL server after the last test of this assembly.</summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public Task StopPostgres() => TestDatabase.ShutdownAsync();
}
