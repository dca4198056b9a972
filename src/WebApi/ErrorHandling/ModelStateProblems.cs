using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InfiniteSecurity.WebApi.ErrorHandling;

/// <summary>
/// Model-binding failures (wrong JSON types, malformed JSON, bad query values) as a 400 validation problem that names
/// the field as the contract spells it and says what is expected — never System.Text.Json's own message with .NET
/// type names, JSON paths and byte positions.
/// </summary>
internal static partial class ModelStateProblems
{
    public static IActionResult Create(ActionContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var field = FieldName(key);
            var expected = ExpectedType(context, field);
            errors[field] = entry.Errors.Select(e => Message(field, e, expected)).Distinct().ToArray();
        }

        // "The request field is required" only repeats a JSON error found for a field of that body.
        if (errors.Count > 1)
        {
            errors.Remove("body");
        }

        return new ProblemResult(new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        });
    }

    private static string FieldName(string key)
    {
        var name = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        return name is "" or "$" or "request" or "form" ? "body" : name;
    }

    /// <summary>The CLR type of a body field, found through the contract's snake_case names (STJ names the enclosing record, not the field).</summary>
    private static Type? ExpectedType(ActionContext context, string field)
    {
        var type = context.ActionDescriptor.Parameters.FirstOrDefault(p => p.BindingInfo?.BindingSource == BindingSource.Body)?.ParameterType;
        foreach (var part in field.Split('.'))
        {
            var name = part.Split('[')[0];
            var property = type?.GetProperties().FirstOrDefault(p => (p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), true).FirstOrDefault() is JsonPropertyNameAttribute a ? a.Name : JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)) == name);
            if (property is null)
            {
                return null;
            }

            type = part.Contains('[', StringComparison.Ordinal) ? ElementType(property.PropertyType) : property.PropertyType;
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Message(string field, ModelError error, Type? expected)
    {
        var text = error.ErrorMessage is { Length: > 0 } m ? m : error.Exception?.Message ?? string.Empty;
        var internals = error.Exception is JsonException || text.Contains("LineNumber", StringComparison.Ordinal) || text.Contains("Path: ", StringComparison.Ordinal)
            || text.Contains("System.", StringComparison.Ordinal);
        if (!internals)
        {
            return field == "body" && text.Contains("field is required", StringComparison.Ordinal) ? "A JSON body is required." : text;
        }

        if (expected is not null)
        {
            return $"'{field}' must be {Describe(expected)}.";
        }

        if (ConvertedTo().Match(text) is { Success: true } match)
        {
            return $"'{field}' must be {Describe(match.Groups[1].Value)}.";
        }

        return field == "body" ? "The body is not valid JSON." : $"'{field}' is not valid JSON or has the wrong type.";
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "a string"
            : type == typeof(bool) ? "true or false"
            : type == typeof(int) || type == typeof(long) || type == typeof(short) ? "an integer"
            : type == typeof(double) || type == typeof(decimal) || type == typeof(float) ? "a number"
            : type == typeof(Guid) ? "a UUID string"
            : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "an ISO 8601 date-time string"
            : type.IsEnum ? "one of the documented names"
            : ElementType(type) is not null ? "an array"
            : "a JSON object of the documented shape";
    }

    private static string Describe(string type) => type switch
    {
        _ when type.Contains("[]", StringComparison.Ordinal) || type.Contains("List", StringComparison.Ordinal) || type.Contains("Enumerable", StringComparison.Ordinal) || type.Contains("Collection", StringComparison.Ordinal) => "an array",
        "System.String" => "a string",
        "System.Int32" or "System.Int64" or "System.Int16" or "System.Nullable`1[System.Int32]" => "an integer",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        "System.Double" or "System.Decimal" or "System.Single" => "a number",
        "System.Guid" or "System.Nullable`1[System.Guid]" => "a UUID string",
        "System.DateTime" or "System.DateTimeOffset" or "System.Nullable`1[System.DateTime]" or "System.Nullable`1[System.DateTimeOffset]" => "an ISO 8601 date-time string",
        _ => "a JSON object of the documented shape",
    };

    [GeneratedRegex(@"converted to ([\w.`\[\], ]+?)\. Path", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();
}
