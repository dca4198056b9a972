namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>The requested resource does not exist (or the caller may not know that it does). Mapped to 404.</summary>
public sealed class NotFoundException(string resource, object key) : Exception($"{resource} '{key}' was not found.");
