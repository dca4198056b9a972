using InfiniteSecurity.Application.Users.EnsureAdmin;
using InfiniteSecurity.Infrastructure.Identity;
using MediatR;

namespace InfiniteSecurity.WebApi.Security;

internal static class BootstrapAdmin
{
    /// <summary>
    /// First start: creates the admin. A generated password goes to the console once (not to the log pipeline), and
    /// must be changed at the first login; it is never stored in clear or printed again.
    /// </summary>
    public static async Task EnsureAsync(IServiceProvider services, ILogger logger)
    {
        logger.LogInformation("JWT signing key from {Source}", services.GetRequiredService<JwtSigningKey>().Source);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnsureAdminCommand());
        if (!result.Created)
        {
            return;
        }

        logger.LogInformation("Created the first admin {UserName}", result.UserName);
        if (result.GeneratedPassword is { } password)
        {
            Console.WriteLine();
            Console.WriteLine($"  First admin created: user name '{result.UserName}', generated password: {password}");
            Console.WriteLine("  It is shown only this once and must be changed at the first login (POST /api/v1/auth/password).");
            Console.WriteLine();
        }
    }
}
