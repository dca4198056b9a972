using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Threats.GetThreatInput;

/// <summary>The whole stored input of one threat, decrypted; analysts and admins only, and every read is audited.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Analyst)]
public sealed record GetThreatInputQuery(Guid ThreatId) : IRequest<ThreatInputView>;
