namespace InfiniteSecurity.WebApi.OpenApi;

/// <summary>
/// Marks an action that reads its body itself, as a raw HTTP message (<c>message/http</c>) or as the JSON
/// <see cref="Contracts.V2.InspectRequest"/>; <see cref="HttpRequestBodyOperationFilter"/> documents both forms.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpRequestBodyAttribute : Attribute;
