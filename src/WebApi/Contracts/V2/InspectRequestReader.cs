using System.Text.Json;
using FluentValidation.Results;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Inspection.InspectRequest;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>
/// Turns the body of an inspect call into its command: <c>message/http</c> is passed on as bytes (the parser in the
/// use case says what is malformed); JSON is read into <see cref="InspectRequest"/> here, and a broken document or a
/// header that is neither a string nor an array of strings is a 400 naming the field. Kestrel's body limit
/// (<c>Api:MaxRequestBodyBytes</c>) applies while reading: over it is 413.
/// </summary>
public sealed class InspectRequestReader(IOptions<Microsoft.AspNetCore.Mvc.JsonOptions> json)
{
    public async Task<InspectRequestCommand> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var received = buffer.ToArray();
        return request.HasJsonContentType() ? new InspectRequestCommand(received, FromJson(received)) : new InspectRequestCommand(received, null);
    }

    private InspectedRequestFields FromJson(byte[] received)
    {
        InspectRequest? dto;
        try
        {
            dto = JsonSerializer.Deserialize<InspectRequest>(received, json.Value.JsonSerializerOptions);
        }
        catch (JsonException ex)
        {
            throw Invalid(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, $"The JSON is malformed or has a wrong type: {ex.Message}");
        }

        if (dto is null)
        {
            throw Invalid("$", "The body must be a JSON object {\"method\",\"url\",\"headers\",\"body\",\"body_encoding\"}.");
        }

        return new InspectedRequestFields(dto.Method, dto.Url, Headers(dto.Headers), dto.Body, dto.BodyEncoding);
    }

    private static List<KeyValuePair<string, string>> Headers(Dictionary<string, JsonElement>? headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in headers ?? [])
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    list.Add(new(name, value.GetString()!));
                    break;
                case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    list.AddRange(value.EnumerateArray().Select(v => new KeyValuePair<string, string>(name, v.GetString()!)));
                    break;
                default:
                    throw Invalid($"headers.{(name.Length <= 40 ? name : name[..40])}", "A header value is a string or an array of strings.");
            }
        }

        return list;
    }

    private static RequestValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
