using InfiniteSecurity.Infrastructure.Persistence;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// One running service (and one empty database of the fixture's provider) per test class, with an anonymous
/// client and, when <see cref="SignInAdmin"/> says so, a client signed in as the bootstrap admin.
/// </summary>
public abstract class ServiceFixture(DatabaseProvider provider)
{
    protected DatabaseProvider Provider => provider;

    protected ApiFactory Factory { get; private set; } = null!;

    protected HttpClient Anonymous { get; private set; } = null!;

    protected HttpClient Admin => _admin ?? throw new InvalidOperationException("Set SignInAdmin to use the admin client.");

    private HttpClient? _admin;

    /// <summary>Sign the bootstrap admin in once for the whole class (password hashing makes each login cost).</summary>
    protected virtual bool SignInAdmin => false;

    /// <summary>The factory for this class; override to add settings or services.</summary>
    protected virtual ApiFactory CreateFactory() => new() { Provider = provider };

    [OneTimeSetUp]
    public async Task StartService()
    {
        Factory = await CreateFactory().StartAsync();
        Anonymous = Factory.CreateClient();
        if (SignInAdmin)
        {
            _admin = await Factory.CreateAdminClientAsync();
        }
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        Anonymous.Dispose();
        _admin?.Dispose();
        await Factory.DisposeAsync();
    }
}
