using System.Reflection;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.Application.Common.Behaviours;

/// <summary>
/// Enforces <see cref="AuthorizeAttribute"/>: no caller → 401, wrong role → 403. The caller is resolved only for
/// requests that carry the attribute, so unrestricted requests (and start-up commands) never need one.
/// </summary>
internal sealed class AuthorizationBehaviour<TRequest, TResponse>(IServiceProvider services) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute[] Rules = typeof(TRequest).GetCustomAttributes<AuthorizeAttribute>().ToArray();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Rules.Length == 0)
        {
            return next();
        }

        var caller = services.GetRequiredService<ICallerContext>();
        if (caller.UserId is null)
        {
            throw new UnauthorizedAccessException("Sign in first.");
        }

        foreach (var rule in Rules.Where(r => r.Roles.Length > 0))
        {
            var allowed = rule.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (caller.Role is null || !allowed.Contains(caller.Role, StringComparer.Ordinal))
            {
                throw new ForbiddenAccessException($"This needs the role {string.Join(" or ", allowed)}.");
            }
        }

        return next();
    }
}
