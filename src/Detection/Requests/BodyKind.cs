namespace InfiniteSecurity.Detection.Requests;

/// <summary>How a body (or multipart part) is processed, decided by its media type.</summary>
internal enum BodyKind
{
    Text,
    Form,
    Json,
    NdJson,
    Multipart,
    Xml,
    Binary,
}
