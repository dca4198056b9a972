namespace InfiniteSecurity.Benchmarks;

/// <summary>Where <c>inspect-attacks</c> places an attack input in a request.</summary>
internal enum Position
{
    Query,
    Form,
    Json,
    Cookie,
    Header,
}
