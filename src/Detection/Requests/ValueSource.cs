namespace InfiniteSecurity.Detection.Requests;

/// <summary>Which part of the request a located value was taken from.</summary>
public enum ValueSource
{
    Path,
    Query,
    Form,
    Cookie,
    Header,
    Body,
    Multipart,
}
