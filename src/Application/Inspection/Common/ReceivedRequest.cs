namespace InfiniteSecurity.Application.Inspection.Common;

/// <summary>A request as the API received it (the raw message, or the JSON describing it), kept encrypted with its threat when the deployment keeps inputs.</summary>
public sealed record ReceivedRequest(ReadOnlyMemory<byte> Bytes, string ContentType);
