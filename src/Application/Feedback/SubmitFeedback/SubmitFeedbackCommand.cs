using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Feedback.Common;
using MediatR;

namespace InfiniteSecurity.Application.Feedback.SubmitFeedback;

/// <summary>An analyst says whether a stored threat was an attack; the rules that matched it are re-weighted.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Analyst)]
public sealed record SubmitFeedbackCommand(Guid ThreatId, string? Verdict, string? Comment) : IRequest<ThreatFeedbackView>;
