using InfiniteSecurity.Application.Inspection.Common;
using InfiniteSecurity.Application.Threats;
using InfiniteSecurity.Detection.Requests;
using MediatR;

namespace InfiniteSecurity.Application.Inspection.CheckGate;

internal sealed class CheckGateHandler(RequestScreening screening) : IRequestHandler<CheckGateCommand, ScreeningResult>
{
    public Task<ScreeningResult> Handle(CheckGateCommand request, CancellationToken cancellationToken)
    {
        RequestTarget.TrySplit(request.Url, out var target, out var authority);
        var headers = request.Headers;
        if (authority is not null && !headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            headers = [new("Host", authority), .. headers];
        }

        // The gateway does not pass the body (nginx cannot give it to an auth subrequest): headers and URL only.
        return screening.ScreenAsync(new HttpRequestData(request.Method!, target, headers, ReadOnlyMemory<byte>.Empty), request.Fingerprint, request.ClientAddress,
            new ReceivedRequest(request.Received, ThreatInputKeeping.HttpMessage));
    }
}
