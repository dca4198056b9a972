using MediatR;

namespace InfiniteSecurity.Application.Users.EnsureAdmin;

/// <summary>
/// First start: create the admin from <c>Bootstrap:*</c> when no admin exists. Returns the generated password when
/// none was configured (the caller prints it once), otherwise null.
/// </summary>
public sealed record EnsureAdminCommand : IRequest<EnsureAdminResult>;
