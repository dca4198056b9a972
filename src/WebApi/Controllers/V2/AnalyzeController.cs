using System.Globalization;
using System.Text.Json;
using InfiniteSecurity.Application.Callbacks;
using InfiniteSecurity.Application.Threats.AnalyzeBatch;
using InfiniteSecurity.Application.Threats.AnalyzeInput;
using InfiniteSecurity.WebApi.Contracts;
using InfiniteSecurity.WebApi.Contracts.V2;
using MediatR;
using InfiniteSecurity.WebApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.WebApi.Controllers.V2;

/// <summary>Threat analysis of user input (v2: with the evidence behind the verdict).</summary>
[ApiController]
[Route("api/v2/analyze")]
[Consumes("application/json")]
[Authorize(Policy = Policies.Analyze)]
public sealed class AnalyzeController(
    IMediator mediator,
    ApiPermits permits,
    ICallbackQueue callbacks,
    IOptions<CallbackOptions> callbackOptions,
    IOptions<JsonOptions> json)
    : ControllerBase
{
    /// <summary>
    /// Analyse one input and return every finding with its matched span and reason; optionally at another depth
    /// (<c>analysis_depth</c>), with remediation advice per attack family (<c>include_recommendations</c>), and
    /// judged by where the value came from (<c>context</c>).
    /// </summary>
    /// <response code="200">The verdict with its findings.</response>
    /// <response code="202">With <c>callback_url</c>: the analysis id; the same body as the 200 is POSTed to the URL.</response>
    /// <response code="400">Missing, empty or too long input, unknown analysis depth, an invalid context (unknown location, field or content type too long), a refused callback URL (callbacks off, not http(s), plain http, user info, host not in Callbacks:AllowedHosts, internal address), or malformed JSON.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">The token lacks the <c>analyze</c> scope, or may only change the password or enrol MFA.</response>
    /// <response code="413">The request body is larger than the configured maximum.</response>
    /// <response code="415">The body is not JSON.</response>
    /// <response code="503">The callback queue is full (Callbacks:QueueCapacity); retry shortly.</response>
    [HttpPost]
    [ProducesResponseType<AnalyzeV2Response>(StatusCodes.Status200OK)]
    [ProducesResponseType<AnalyzeAcceptedResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<ActionResult<AnalyzeV2Response>> Analyze(AnalyzeRequestV2? request, CancellationToken cancellationToken)
    {
        // The URL is judged before any work: a refused callback costs no analysis and records no threat.
        Uri? callback = null;
        if (request?.CallbackUrl is { } url)
        {
            var options = callbackOptions.Value;
            CallbackAddresses.TryParseNetworks(options.AllowedNetworks, out var networks, out _);
            if (CallbackTargets.Refusal(url, options, networks) is { } refusal)
            {
                ModelState.AddModelError("callback_url", refusal);
                return ValidationProblem(ModelState);
            }

            callback = new Uri(url, UriKind.Absolute);
        }

        var context = request?.Context is { } c ? new AnalysisContext(c.Field, c.ContentType, c.Location) : null;
        var result = AnalyzeResponseMapper.ToV2(await mediator.Send(new AnalyzeInputCommand(request?.Input, request?.AnalysisDepth, context), cancellationToken),
            request?.IncludeRecommendations ?? false);
        if (callback is null)
        {
            return result;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(result, json.Value.JsonSerializerOptions);
        if (!callbacks.TryEnqueue(new CallbackDelivery(result.RequestId, callback, body)))
        {
            Response.Headers.RetryAfter = "1";
            return Problem("The callback queue is full; retry shortly or analyse without a callback_url.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Callbacks saturated");
        }

        return Accepted(new AnalyzeAcceptedResponse { Id = result.RequestId });
    }

    /// <summary>
    /// Analyse 1 to 1,000 inputs in one call. Results come back in the order of the items; an invalid item gets its
    /// own <c>error</c> while the others are analysed. Each item counts against the caller's rate limit like one
    /// call; every threat of the batch is stored in one durable write.
    /// </summary>
    /// <response code="200">One result per item, in order.</response>
    /// <response code="400">No items, more than 1,000, an item that is not an object or an id over 128 characters, or malformed JSON.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">The token lacks the <c>analyze</c> scope.</response>
    /// <response code="413">The request body is larger than the configured maximum (Api:MaxRequestBodyBytes).</response>
    /// <response code="429">The caller's rate limit does not hold one permit per item now (Retry-After says when).</response>
    /// <response code="503">The threat log is saturated; retry shortly.</response>
    [HttpPost("batch")]
    [ProducesResponseType<AnalyzeBatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<ActionResult<AnalyzeBatchResponse>> AnalyzeBatch(AnalyzeBatchRequest? request, CancellationToken cancellationToken)
    {
        var items = request?.Items?.Select(i => new BatchItem(i?.Id, i?.Input)).ToArray();

        // The request itself took one permit on the way in; the other items take theirs here, before any work.
        if (items is { Length: > 1 and <= AnalyzeBatchCommand.MaxItems } && !permits.TryAcquire(HttpContext, items.Length - 1, out var retryAfter, out var detail))
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
        }

        return AnalyzeResponseMapper.ToBatch(await mediator.Send(new AnalyzeBatchCommand(items), cancellationToken));
    }
}
