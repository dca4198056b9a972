using InfiniteSecurity.Application.Statistics.GetStatistics;
using InfiniteSecurity.Application.Statistics.GetStatisticsHistory;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>Statistics over stored threats and the per-minute request counters (analysts and admins).</summary>
[ApiController]
[Route("api/v1/stats")]
[Authorize(Policy = Policies.Analyst)]
[Produces("application/json")]
public sealed class StatsController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// Totals: requests (every answered analysis, benign too), threats, blocked; threats by family, severity and
    /// action; the ten busiest sources and rules. Counter updates reach the database about once a second.
    /// </summary>
    /// <param name="from">From (inclusive, ISO-8601 UTC); all time when absent.</param>
    /// <param name="to">To (exclusive, ISO-8601 UTC); up to now when absent.</param>
    /// <param name="cancellationToken">Aborts the queries when the caller goes away.</param>
    [HttpGet]
    [ProducesResponseType<StatisticsSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<StatisticsSummary> Get([FromQuery] DateTime? from, [FromQuery] DateTime? to, CancellationToken cancellationToken) =>
        mediator.Send(new GetStatisticsQuery(from, to), cancellationToken);

    /// <summary>
    /// A series of <c>{start, requests, threats, blocked}</c> per bucket, oldest first, with empty buckets present as
    /// zeros. At most 1,440 buckets; a longer range is 400.
    /// </summary>
    /// <param name="bucket"><c>1m</c>, <c>1h</c> (default) or <c>1d</c>, aligned to UTC.</param>
    /// <param name="from">Start (ISO-8601 UTC, aligned down to a bucket); default: 24 buckets before <c>to</c>.</param>
    /// <param name="to">End (ISO-8601 UTC, rounded up to a bucket end); default: now.</param>
    /// <param name="cancellationToken">Aborts the query when the caller goes away.</param>
    [HttpGet("history")]
    [ProducesResponseType<StatisticsHistory>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<StatisticsHistory> History([FromQuery] string? bucket, [FromQuery] DateTime? from, [FromQuery] DateTime? to, CancellationToken cancellationToken) =>
        mediator.Send(new GetStatisticsHistoryQuery(bucket, from, to), cancellationToken);
}
