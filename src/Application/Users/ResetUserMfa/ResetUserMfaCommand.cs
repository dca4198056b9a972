using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.ResetUserMfa;

/// <summary>An admin turns MFA off for a user who lost the authenticator and the recovery codes; the user re-enrols.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ResetUserMfaCommand(Guid UserId) : IRequest<UserSummary>;
