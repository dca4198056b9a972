namespace InfiniteSecurity.Detection.Html;

/// <summary>One attribute of a tag: lower-cased name, raw value and span.</summary>
internal readonly record struct HtmlAttribute(string Name, string Value, int Start, int End);
