namespace InfiniteSecurity.Application.Callbacks;

/// <summary>Bound from the <c>Callbacks</c> configuration section: where analysis results may be delivered.</summary>
public sealed class CallbackOptions
{
    public const string SectionName = "Callbacks";

    /// <summary>Off by default: a <c>callback_url</c> is refused with 400 until an operator turns delivery on.</summary>
    public bool Enabled { get; set; }

    /// <summary>HMAC-SHA256 key for the signature header; at least 32 bytes when enabled. Never logged.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Host names a callback may go to, matched exactly (case-insensitive).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Permit plain http callbacks; https only by default.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// CIDR networks an operator explicitly lets callbacks reach although they are internal (empty by default).
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Deliveries waiting at most; a submit beyond it is refused with 503.</summary>
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Attempts per delivery, the first included (retries on 408, 429, 5xx and connection failures).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; it doubles per retry, with jitter.</summary>
    public int RetryDelayMilliseconds { get; set; } = 1_000;

    /// <summary>Timeout of one attempt.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 10;
}
