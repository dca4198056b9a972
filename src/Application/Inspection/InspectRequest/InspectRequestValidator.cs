using FluentValidation;
using InfiniteSecurity.Application.Inspection.Common;

namespace InfiniteSecurity.Application.Inspection.InspectRequest;

/// <summary>
/// Shape checks of the JSON form (the raw form is checked by the parser, whose message says what is malformed).
/// Header values are not restricted: a CR or LF in one is evidence for the engine, not a malformed request.
/// </summary>
internal sealed class InspectRequestValidator : AbstractValidator<InspectRequestCommand>
{
    public InspectRequestValidator()
    {
        When(c => c.Fields is null, () =>
            RuleFor(c => c.Received).NotEmpty().WithMessage("The message/http body is empty; send the raw request (request line, headers, blank line, body).").OverridePropertyName("message"));

        When(c => c.Fields is not null, () =>
        {
            RuleFor(c => c.Fields!.Method)
                .Must(m => HttpToken.IsToken(m, 32)).WithMessage("'method' is required: an HTTP method such as GET or POST.")
                .OverridePropertyName("method");
            RuleFor(c => c.Fields!.Url)
                .Must(u => RequestTarget.TrySplit(u, out _, out _))
                .WithMessage($"'url' is required: an absolute http(s) URL or a path starting with '/' (plus ?query), percent-encoded, without spaces, at most {RequestTarget.MaxLength} characters.")
                .OverridePropertyName("url");
            RuleForEach(c => c.Fields!.Headers)
                .Must(h => HttpToken.IsToken(h.Key, 256)).WithMessage((_, h) => $"Header name '{Shorten(h.Key)}' is not a valid HTTP field name.")
                .OverridePropertyName("headers");
            RuleFor(c => c.Fields!.BodyEncoding)
                .Must(e => e is null or "utf8" or "base64").WithMessage("'body_encoding' is utf8 (default) or base64.")
                .OverridePropertyName("body_encoding");
            RuleFor(c => c.Fields!.Body)
                .Must(b => b is null || IsBase64(b)).When(c => c.Fields!.BodyEncoding == "base64")
                .WithMessage("'body' is not valid base64 (body_encoding is base64).")
                .OverridePropertyName("body");
        });
    }

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length * 3 / 4 + 3], out _);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
