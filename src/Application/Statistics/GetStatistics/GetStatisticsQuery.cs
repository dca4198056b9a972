using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Statistics.GetStatistics;

/// <summary>Totals over stored data, optionally between <c>From</c> (inclusive) and <c>To</c> (exclusive), UTC.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Analyst)]
public sealed record GetStatisticsQuery(DateTime? From, DateTime? To) : IRequest<StatisticsSummary>;
