namespace InfiniteSecurity.Detection.Requests;

/// <summary>One value of a request, with where it came from.</summary>
/// <param name="Location">Location string as reported in findings, e.g. <c>query:id</c> or <c>body:$.user.name</c>.</param>
/// <param name="Source">The part of the request.</param>
/// <param name="Shape">What the value is within that part.</param>
/// <param name="Name">The innermost name the value is known by (parameter, header, cookie, JSON property or XML
/// element/attribute name), used by the context policy; empty for path and whole bodies.</param>
/// <param name="Value">The text handed to the engine (decoded once where the position is encoded).</param>
/// <param name="FromJson">True when the value was found inside a JSON document (a body or a parameter holding JSON).</param>
public sealed record RequestValue(string Location, ValueSource Source, ValueShape Shape, string Name, string Value, bool FromJson = false);
