namespace InfiniteSecurity.Infrastructure.Siem.Forwarding;

/// <summary>Bound from <c>Siem</c>.</summary>
public sealed class SiemOptions
{
    public const string SectionName = "Siem";

    /// <summary>Push forwarders; each reads the security event stream with its own cursor, saved in the database after delivery.</summary>
    public List<ForwarderOptions> Forwarders { get; init; } = [];
}

/// <summary>One push forwarder (<c>Siem:Forwarders:N:*</c>).</summary>
public sealed class ForwarderOptions
{
    /// <summary>Unique; keys the saved cursor, so renaming a forwarder starts it again from the oldest kept event.</summary>
    public string Name { get; init; } = string.Empty;

    public ForwarderKind Kind { get; init; } = ForwarderKind.Syslog;

    /// <summary>Syslog: receiver host and port (TCP, octet-counted frames, RFC 5424 + RFC 6587).</summary>
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 6514;

    /// <summary>Syslog over TLS (RFC 5425); the receiver's certificate is validated against the system trust store.</summary>
    public bool Tls { get; init; }

    /// <summary>Syslog payload: <c>cef</c>, <c>leef</c> or <c>json</c>.</summary>
    public string Format { get; init; } = "cef";

    /// <summary>HTTP: the collector's base URL (Splunk HEC <c>https://splunk:8088</c>, Elasticsearch <c>https://es:9200</c>).</summary>
    public Uri? Url { get; init; }

    /// <summary>HTTP: the Splunk HEC token or the Elasticsearch API key (never logged).</summary>
    public string? Token { get; init; }

    /// <summary>HTTP: the Elasticsearch index (data stream) the bulk requests create documents in.</summary>
    public string Index { get; init; } = "logs-infinitesecurity-default";

    public int BatchSize { get; init; } = 200;

    public int PollMilliseconds { get; init; } = 1000;
}

public enum ForwarderKind
{
    Syslog,
    SplunkHec,
    ElasticBulk,
}
