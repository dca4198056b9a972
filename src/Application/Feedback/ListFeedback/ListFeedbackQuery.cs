using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Feedback.Common;
using MediatR;

namespace InfiniteSecurity.Application.Feedback.ListFeedback;

/// <summary>Every analyst's verdict on one threat, oldest first.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Analyst)]
public sealed record ListFeedbackQuery(Guid ThreatId) : IRequest<IReadOnlyList<ThreatFeedbackView>>;
