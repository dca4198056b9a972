namespace InfiniteSecurity.Detection.Requests;

/// <summary>A raw HTTP/1.x message that cannot be parsed; the message says what is wrong and where.</summary>
public sealed class RequestFormatException : FormatException
{
    public RequestFormatException()
    {
    }

    public RequestFormatException(string message)
        : base(message)
    {
    }

    public RequestFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
