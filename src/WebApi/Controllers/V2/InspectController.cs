using InfiniteSecurity.WebApi.Contracts;
using InfiniteSecurity.WebApi.OpenApi;
using InfiniteSecurity.WebApi.Contracts.V2;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V2;

/// <summary>Inspection of whole HTTP requests: parsed into located values, analysed in context, one verdict.</summary>
[ApiController]
[Route("api/v2/inspect")]
[Authorize(Policy = Policies.Analyze)]
public sealed class InspectController(IMediator mediator, InspectRequestReader reader) : ControllerBase
{
    /// <summary>Inspect one HTTP request, sent raw (<c>message/http</c>) or described as JSON.</summary>
    /// <remarks>
    /// Raw: the request exactly as on the wire — request line, headers, blank line, body (Content-Length or chunked).
    /// JSON: <c>{"method","url","headers":{name: value or [values]},"body","body_encoding":"utf8|base64"}</c>.
    /// Path, query, cookies, headers and the body (form, JSON, multipart, XML) are analysed value by value, each
    /// with its location as context; <c>findings</c> say where. A detected request is stored as a threat with its
    /// evidence spans and locations, never the request itself. Detection exclusions apply (<c>excluded_by</c>).
    /// </remarks>
    /// <response code="200">The verdict with its located findings.</response>
    /// <response code="400">Malformed raw message, malformed JSON, or a field of the JSON form that is wrong (errors per field).</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">The token lacks the <c>analyze</c> scope, or may only change the password or enrol MFA.</response>
    /// <response code="413">The request body is larger than the configured maximum (Api:MaxRequestBodyBytes).</response>
    /// <response code="415">The body is neither message/http nor JSON.</response>
    [HttpPost]
    [Consumes("message/http", "application/json")]
    [HttpRequestBody]
    [ProducesResponseType<InspectResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public async Task<InspectResponse> Inspect(CancellationToken cancellationToken)
        => InspectResponseMapper.ToResponse(await mediator.Send(await reader.ReadAsync(Request, cancellationToken), cancellationToken));
}
