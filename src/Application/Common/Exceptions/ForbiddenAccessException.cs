namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>The caller is known but may not do this. Mapped to 403.</summary>
public sealed class ForbiddenAccessException(string message) : Exception(message);
