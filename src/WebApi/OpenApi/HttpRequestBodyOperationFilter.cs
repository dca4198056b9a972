using System.Reflection;
using System.Text.Json.Nodes;
using InfiniteSecurity.WebApi.Contracts.V2;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace InfiniteSecurity.WebApi.OpenApi;

/// <summary>
/// The request body of an action marked <see cref="HttpRequestBodyAttribute"/>: a string for <c>message/http</c>
/// (the raw request, with an example Swagger UI can send) and the <see cref="InspectRequest"/> schema for JSON.
/// </summary>
internal sealed class HttpRequestBodyOperationFilter : IOperationFilter
{
    private const string RawExample = "GET /search?q=shoes&page=2 HTTP/1.1\r\nHost: shop.example\r\nUser-Agent: Mozilla/5.0\r\nCookie: theme=dark\r\n\r\n";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo.GetCustomAttribute<HttpRequestBodyAttribute>() is null)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The request to inspect: raw as message/http (request line, CRLF-separated headers, blank line, body), or described as JSON.",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["message/http"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The raw HTTP/1.x request message." },
                    Example = JsonValue.Create(RawExample),
                },
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(InspectRequest), context.SchemaRepository),
                },
            },
        };
    }
}
