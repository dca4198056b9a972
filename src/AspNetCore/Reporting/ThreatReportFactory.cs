using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.AspNetCore.Reporting;

/// <summary>
/// Turns a detected request into a report. The service needs the request as it came to judge it again, but not the
/// app's user credentials: configured headers (Authorization by default) are redacted, and so is every cookie value
/// except those the verdict found an attack in.
/// </summary>
internal static class ThreatReportFactory
{
    public const string Redacted = "[redacted]";

    public static ThreatReport Create(HttpRequestData request, RequestVerdict verdict, ThreatReportingOptions reporting)
    {
        var suspiciousCookies = verdict.Findings
            .Where(f => f.Location.StartsWith("cookie:", StringComparison.Ordinal))
            .Select(f => f.Location["cookie:".Length..])
            .ToHashSet(StringComparer.Ordinal);

        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count);
        foreach (var (name, value) in request.Headers)
        {
            if (reporting.RedactedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                headers.Add(new(name, Redacted));
            }
            else if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(name, RedactCookies(value, suspiciousCookies)));
            }
            else
            {
                headers.Add(new(name, value));
            }
        }

        return new ThreatReport(request.Method, request.Target, headers, request.Body, reporting);
    }

    internal static string RedactCookies(string header, IReadOnlySet<string> keep)
    {
        var pairs = header.Split(';');
        for (var i = 0; i < pairs.Length; i++)
        {
            var eq = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? pairs[i] : pairs[i][..eq]).Trim();
            if (eq >= 0 && !keep.Contains(name))
            {
                pairs[i] = pairs[i][..(eq + 1)] + Redacted;
            }
        }

        return string.Join(';', pairs);
    }
}
