namespace InfiniteSecurity.AspNetCore.Reporting;

/// <summary>A report could not be delivered for a reason that retrying the same request will not fix.</summary>
public sealed class ThreatReportingException : Exception
{
    public ThreatReportingException(string message)
        : base(message)
    {
    }

    public ThreatReportingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ThreatReportingException()
    {
    }
}
