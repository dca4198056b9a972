using System.Text;
using Microsoft.Net.Http.Headers;

namespace InfiniteSecurity.AspNetCore;

/// <summary>
/// The inspected prefix of an oversized multipart body, cut after its last complete part and closed with the final
/// boundary, so that the parts before the cut (the form fields, typically) are inspected as parts. Without this the
/// prefix is a malformed multipart body, and a large file after a small field would hide the field from inspection.
/// </summary>
internal static class MultipartPrefix
{
    public static ReadOnlyMemory<byte> Close(ReadOnlyMemory<byte> prefix, string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return prefix;
        }

        var delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        var cut = prefix.Span.LastIndexOf(delimiter);
        if (cut <= 0)
        {
            // No part ends within the prefix: nothing complete to keep.
            return prefix;
        }

        var closing = Encoding.ASCII.GetBytes("\r\n--" + boundary + "--\r\n");
        var closed = new byte[cut + closing.Length];
        prefix.Span[..cut].CopyTo(closed);
        closing.CopyTo(closed, cut);
        return closed;
    }
}
