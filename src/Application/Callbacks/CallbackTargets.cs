using System.Net;

namespace InfiniteSecurity.Application.Callbacks;

/// <summary>
/// The checks a callback URL passes when it is submitted. They refuse what is wrong on its face; where a host name
/// really points is only known at connect time, where the delivery checks every resolved address again.
/// </summary>
public static class CallbackTargets
{
    /// <summary>Longest callback URL accepted.</summary>
    public const int MaxLength = 2_048;

    /// <summary>Null when <paramref name="url"/> may be called back; otherwise why not (safe to show the caller).</summary>
    public static string? Refusal(string url, CallbackOptions options, IReadOnlyList<IPNetwork> allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return "Callbacks are off on this service (Callbacks:Enabled); omit 'callback_url' to get the result in the answer.";
        }

        if (url.Length > MaxLength)
        {
            return $"'callback_url' must be at most {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "'callback_url' must be an absolute http(s) URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !options.AllowHttp)
        {
            return "'callback_url' must use https (Callbacks:AllowHttp is off).";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "'callback_url' must not carry credentials (user info).";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "'callback_url' must not have a fragment.";
        }

        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && CallbackAddresses.IsBlocked(literal, allowedNetworks))
        {
            return "'callback_url' points at a loopback, private, link-local or otherwise internal address.";
        }

        var host = uri.IdnHost.Trim('[', ']');
        if (!options.AllowedHosts.Exists(h => string.Equals(h.Trim().TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)))
        {
            return "The host of 'callback_url' is not in Callbacks:AllowedHosts.";
        }

        return null;
    }
}
