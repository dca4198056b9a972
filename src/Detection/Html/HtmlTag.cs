namespace InfiniteSecurity.Detection.Html;

/// <summary>A start (or end) tag found by <see cref="HtmlTokenizer"/>.</summary>
internal readonly record struct HtmlTag(string Name, bool IsEndTag, int Start, int End, int AttributesStart);
