namespace InfiniteSecurity.Application.Common.Security;

/// <summary>
/// Declares who may send a request; checked by the authorization behaviour. The web layer's policies check the same
/// first — this keeps a use case safe even when it is reached another way (a new endpoint, a job).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    /// <summary>Comma-separated role names; any one suffices. Empty: any signed-in caller.</summary>
    public string Roles { get; init; } = string.Empty;
}
