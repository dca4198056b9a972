using System.Text.Json.Nodes;

namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>A page of the security event stream.</summary>
/// <param name="Events">The events in the requested format (json, ocsf or ecs), oldest first.</param>
/// <param name="NextCursor">Send it as <c>cursor</c> to continue; present on every page, empty ones too.</param>
/// <param name="HasMore">More events are ready now: ask again at once rather than after the polling interval.</param>
public sealed record SecurityEventsResponse(IReadOnlyList<JsonObject> Events, string NextCursor, bool HasMore);
