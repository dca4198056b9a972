using System.Xml;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>Walks an XML body into its text nodes and attribute values, located by element path
/// (<c>body:/a/b</c>, <c>body:/a/b/@id</c>). DTDs are ignored and nothing external is resolved.</summary>
internal static class XmlValueWalker
{
    public static bool TryWalk(ReadOnlyMemory<byte> xml, ValueSink sink, out string? error)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = sink.Limits.MaxTotalChars,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        var stack = new List<string>();
        try
        {
            using var stream = new MemoryStream(xml.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read() && !sink.Full)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (stack.Count >= sink.Limits.MaxDepth)
                        {
                            error = $"XML deeper than {sink.Limits.MaxDepth} elements: walk stopped";
                            return false;
                        }

                        stack.Add(reader.LocalName);
                        var path = "/" + string.Join('/', stack);
                        var empty = reader.IsEmptyElement;
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns")
                                {
                                    sink.Add($"body:{path}/@{reader.LocalName}", ValueSource.Body, ValueShape.XmlText, reader.LocalName, reader.Value);
                                }
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }

                        if (empty)
                        {
                            stack.RemoveAt(stack.Count - 1);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (stack.Count > 0)
                        {
                            stack.RemoveAt(stack.Count - 1);
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        if (!string.IsNullOrWhiteSpace(reader.Value))
                        {
                            var at = stack.Count == 0 ? "/" : "/" + string.Join('/', stack);
                            sink.Add("body:" + at, ValueSource.Body, ValueShape.XmlText, stack.Count == 0 ? string.Empty : stack[^1], reader.Value);
                        }

                        break;
                }
            }

            error = null;
            return true;
        }
        catch (XmlException e)
        {
            error = e.Message;
            return false;
        }
    }
}
