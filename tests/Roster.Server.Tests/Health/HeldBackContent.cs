using System.Net;
using System.Text;

namespace Roster.Server.Tests.Health;

/// <summary>
/// A request body sent in two parts: the first at once, the rest only when <see cref="Release"/>
/// is called, so the test decides that the request is still in flight at a chosen moment.
/// </summary>
public sealed class HeldBackContent : HttpContent
{
    private readonly byte[] _body;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstPartSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HeldBackContent(string json)
    {
        _body = Encoding.UTF8.GetBytes(json);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/scim+json");
        Headers.ContentLength = _body.Length;
    }

    /// <summary>Completes once the first part of the body has gone out.</summary>
    public Task FirstPartSent => _firstPartSent.Task;

    public void Release() => _release.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var half = _body.Length / 2;
        await stream.WriteAsync(_body.AsMemory(0, half));
        await stream.FlushAsync();
        _firstPartSent.TrySetResult();
        await _release.Task;
        await stream.WriteAsync(_body.AsMemory(half));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
