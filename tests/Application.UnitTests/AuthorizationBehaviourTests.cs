using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.ListUsers;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.Application.UnitTests;

public sealed class AuthorizationBehaviourTests
{
    private sealed record Caller(string? UserId, string? Role) : ICallerContext
    {
        public bool IsAdmin => Role == Roles.Admin;
        public Guid? SessionId => null;
        public string? ClientId => null;
        public string? IpAddress => null;
        public string? UserAgent => null;
    }

    private static IMediator MediatorFor(ICallerContext caller)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication(new ConfigurationBuilder().Build());
        services.AddScoped(_ => caller);
        // An authorized request would go on to the database; reaching it here means authorization let it through.
        services.AddScoped<IAppDbContext>(_ => throw new AssertionException("persistence reached by an unauthorized request"));
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<IMediator>();
    }

    [Test]
    public void An_admin_use_case_refuses_a_caller_without_the_admin_role() =>
        Assert.ThrowsAsync<ForbiddenAccessException>(() => MediatorFor(new Caller(Guid.NewGuid().ToString(), Roles.Analyst)).Send(new ListUsersQuery()));

    [Test]
    public void An_admin_use_case_refuses_an_anonymous_caller() =>
        Assert.ThrowsAsync<UnauthorizedAccessException>(() => MediatorFor(new Caller(null, null)).Send(new ListUsersQuery()));

    [Test]
    public void An_admin_passes_authorization_and_reaches_the_handler()
    {
        // MediatR builds the handler only when the pipeline reaches it; building it touches the (throwing) database.
        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => MediatorFor(new Caller(Guid.NewGuid().ToString(), Roles.Admin)).Send(new ListUsersQuery()));

        Assert.That(ex!.InnerException, Is.TypeOf<AssertionException>());
    }

    [Test]
    public void Every_admin_use_case_is_marked_for_admins_only()
    {
        var adminFeatures = new[] { ".Users.", ".Clients.", ".Audit." };
        var unmarked = typeof(ListUsersQuery).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .Where(t => adminFeatures.Any(f => t.Namespace!.Contains(f, StringComparison.Ordinal)))
            .Where(t => t.Name is not ("EnsureAdminCommand" or "IssueClientTokenCommand"))
            .Where(t => !t.GetCustomAttributes(typeof(AuthorizeAttribute), true).Cast<AuthorizeAttribute>().Any(a => a.Roles == Roles.Admin))
            .Select(t => t.Name)
            .ToArray();

        Assert.That(unmarked, Is.Empty);
    }
}
