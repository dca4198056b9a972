using InfiniteSecurity.Application.Inspection.CheckGate;

namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>
/// Reads an nginx <c>auth_request</c> subrequest: the client's method and URI arrive as <c>X-Original-Method</c> and
/// <c>X-Original-URI</c>, and nginx forwards the client's own headers unchanged. Headers that belong to the hop
/// between nginx and this service are not the client's and are left out; the client's Host and Authorization,
/// which that hop replaces, come back from <c>X-Original-Host</c> and <c>X-Original-Authorization</c>.
/// </summary>
internal static class GateRequestReader
{
    public const string OriginalMethod = "X-Original-Method";
    public const string OriginalUri = "X-Original-URI";
    public const string OriginalHost = "X-Original-Host";
    public const string OriginalAuthorization = "X-Original-Authorization";
    public const string OriginalRemoteAddress = "X-Original-Remote-Addr";

    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Host", "Content-Length", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Upgrade",
        OriginalMethod, OriginalUri, OriginalHost, OriginalAuthorization, OriginalRemoteAddress,
    };

    public static CheckGateCommand Read(HttpRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        Add(headers, "Host", request.Headers[OriginalHost]);
        Add(headers, "Authorization", request.Headers[OriginalAuthorization]);
        foreach (var (name, values) in request.Headers)
        {
            if (!HopHeaders.Contains(name))
            {
                Add(headers, name, values);
            }
        }

        return new CheckGateCommand(First(request, OriginalMethod), First(request, OriginalUri), headers, First(request, OriginalRemoteAddress));
    }

    private static void Add(List<KeyValuePair<string, string>> headers, string name, Microsoft.Extensions.Primitives.StringValues values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                headers.Add(new(name, value));
            }
        }
    }

    private static string? First(HttpRequest request, string name) => request.Headers[name] is { Count: > 0 } values ? values[0] : null;
}
