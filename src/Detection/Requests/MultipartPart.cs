namespace InfiniteSecurity.Detection.Requests;

/// <summary>One part of a multipart/form-data body.</summary>
internal sealed record MultipartPart(string Name, string? FileName, string? ContentType, ReadOnlyMemory<byte> Content);
