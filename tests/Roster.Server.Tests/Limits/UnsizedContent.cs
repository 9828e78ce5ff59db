using System.Net;
using System.Text;

namespace Roster.Server.Tests.Limits;

/// <summary>A body sent chunked, without Content-Length, as a streaming client would.</summary>
public sealed class UnsizedContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnsizedContent(string text, string mediaType = "application/scim+json")
    {
        _bytes = Encoding.UTF8.GetBytes(text);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _bytes.Length; offset += 8192)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(8192, _bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
