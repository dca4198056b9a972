using System.Text;
using FluentValidation.Results;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Inspection.Common;
using InfiniteSecurity.Application.Threats;
using InfiniteSecurity.Detection.Requests;
using MediatR;

namespace InfiniteSecurity.Application.Inspection.InspectRequest;

internal sealed class InspectRequestHandler(RequestScreening screening, RequestLimits limits) : IRequestHandler<InspectRequestCommand, ScreeningResult>
{
    public Task<ScreeningResult> Handle(InspectRequestCommand request, CancellationToken cancellationToken) =>
        screening.ScreenAsync(request.Fields is null ? Parse(request.Received) : FromFields(request.Fields), request.Fingerprint, sourceIp: null,
            new ReceivedRequest(request.Received, request.Fields is null ? ThreatInputKeeping.HttpMessage : ThreatInputKeeping.Json));

    private HttpRequestData Parse(byte[] message)
    {
        try
        {
            return HttpRequestData.Parse(message, limits);
        }
        catch (RequestFormatException ex)
        {
            throw new RequestValidationException([new ValidationFailure("message", $"Malformed HTTP message: {ex.Message}")]);
        }
    }

    private static HttpRequestData FromFields(InspectedRequestFields fields)
    {
        // The validator has checked the URL; an absolute one names the host, which the request then carries.
        RequestTarget.TrySplit(fields.Url, out var target, out var authority);
        var headers = new List<KeyValuePair<string, string>>(fields.Headers ?? []);
        if (authority is not null && !headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Insert(0, new("Host", authority));
        }

        var body = fields.Body is null ? [] : fields.BodyEncoding == "base64" ? Convert.FromBase64String(fields.Body) : Encoding.UTF8.GetBytes(fields.Body);
        return new HttpRequestData(fields.Method!, target, headers, body);
    }
}
