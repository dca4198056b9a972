using System.IO.Compression;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// Undoes <c>Content-Encoding</c> (gzip, deflate, br; several in the order applied) so that a compressed body is not a
/// way around inspection. Output is capped at the body limit, so a small bomb cannot expand without bound.
/// </summary>
internal static class BodyDecoder
{
    public static ReadOnlyMemory<byte>? TryDecode(ReadOnlyMemory<byte> body, string contentEncoding, int maxBytes, out string? problem)
    {
        var codings = contentEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (codings.Length > 3)
        {
            problem = $"body with {codings.Length} content codings: not analysed";
            return null;
        }

        var current = body;
        for (var i = codings.Length - 1; i >= 0; i--)
        {
            var coding = codings[i].ToLowerInvariant();
            if (coding == "identity")
            {
                continue;
            }

            try
            {
                using var input = new MemoryStream(current.ToArray(), writable: false);
                using Stream decoder = coding switch
                {
                    "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                    "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                    "br" => new BrotliStream(input, CompressionMode.Decompress),
                    _ => throw new NotSupportedException(),
                };
                var output = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = decoder.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + read > maxBytes)
                    {
                        problem = $"body decompresses ({coding}) to more than the limit of {maxBytes} bytes: not analysed";
                        return null;
                    }

                    output.Write(buffer, 0, read);
                }

                current = output.ToArray();
            }
            catch (NotSupportedException)
            {
                problem = $"body with Content-Encoding '{coding}' is not supported: not analysed";
                return null;
            }
            catch (InvalidDataException e)
            {
                problem = $"body with Content-Encoding '{coding}' could not be decompressed ({e.Message}): not analysed";
                return null;
            }
        }

        problem = null;
        return current;
    }
}
