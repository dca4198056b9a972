namespace InfiniteSecurity.Domain.Common;

/// <summary>A business rule of the domain was broken. The web layer maps it to 409 Conflict.</summary>
public class DomainException(string message) : Exception(message);
