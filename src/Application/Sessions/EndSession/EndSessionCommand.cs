using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Sessions.EndSession;

/// <summary>
/// An admin ends any user's active session at once: its refresh token and access tokens stop working. An id that is
/// not an active session is "not found".
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record EndSessionCommand(Guid SessionId) : IRequest<Unit>;
