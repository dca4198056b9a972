using InfiniteSecurity.Application.Clients.Common;
using InfiniteSecurity.Application.Clients.CreateClient;
using InfiniteSecurity.Application.Clients.ListClients;
using InfiniteSecurity.Application.Clients.RevokeClient;
using InfiniteSecurity.Application.Clients.RotateClientSecret;
using InfiniteSecurity.Application.Clients.SetClientQuota;
using InfiniteSecurity.WebApi.Contracts.Auth;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>Machine clients for OAuth 2.0 client credentials (admins only). Secrets are shown once.</summary>
[ApiController]
[Route("api/v1/clients")]
[Authorize(Policy = Policies.Admin)]
[Produces("application/json")]
public sealed class ClientsController(IMediator mediator) : ControllerBase
{
    /// <summary>All machine clients (never their secrets).</summary>
    [HttpGet]
    public Task<IReadOnlyList<ClientSummary>> List(CancellationToken cancellationToken) => mediator.Send(new ListClientsQuery(), cancellationToken);

    /// <summary>Register a client; the response holds its secret, shown this once.</summary>
    [HttpPost]
    [ProducesResponseType<ClientWithSecret>(StatusCodes.Status201Created)]
    public async Task<CreatedResult> Create(CreateClientRequest request, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateClientCommand(request.Name, request.Scopes, request.RequestsPerSecond), cancellationToken);
        return Created($"/api/v1/clients/{created.Client.Id}", created);
    }

    /// <summary>Replace the client's secret; the old one stops working at once.</summary>
    [HttpPost("{id:guid}/secret")]
    public Task<ClientWithSecret> RotateSecret(Guid id, CancellationToken cancellationToken) => mediator.Send(new RotateClientSecretCommand(id), cancellationToken);

    /// <summary>
    /// Give the client its own API quota (requests per second), or <c>null</c> for the service-wide one
    /// (<c>RateLimiting:MachineClients</c>). Audited; every instance applies it within seconds.
    /// </summary>
    [HttpPut("{id:guid}/quota")]
    public Task<ClientSummary> SetQuota(Guid id, SetClientQuotaRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new SetClientQuotaCommand(id, request.RequestsPerSecond), cancellationToken);

    /// <summary>Revoke the client: no new tokens, existing tokens refused.</summary>
    [HttpDelete("{id:guid}")]
    public Task<ClientSummary> Revoke(Guid id, CancellationToken cancellationToken) => mediator.Send(new RevokeClientCommand(id), cancellationToken);
}
