using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

using Roster.Bench.Measurement;

namespace Roster.Bench.Scim;

/// <summary>
/// The one HTTP client of a run: pooled keep-alive connections (at least one per concurrent worker) and
/// a per-request timeout; every exchange is timed and recorded in the phase's <see cref="PhaseRecorder"/>.
/// </summary>
internal sealed class ScimClient : IDisposable
{
    private const string ScimMediaType = "application/scim+json";

    private readonly HttpClient _http;
    private readonly TimeSpan _requestTimeout;

    public ScimClient(Uri baseUrl, string token, int concurrency, TimeSpan requestTimeout)
    {
        _requestTimeout = requestTimeout;
        SocketsHttpHandler handler = new()
        {
            // A few spare connections so a warm-up or a slow response never makes a worker queue for a socket.
            MaxConnectionsPerServer = concurrency + 2,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = requestTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = WithTrailingSlash(baseUrl),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(ScimMediaType));
    }

    /// <summary>
    /// Sends one request relative to the base URL and reads the whole body; latency covers both. The
    /// exchange is counted in <paramref name="recorder"/>, or nowhere for untimed warm-up requests.
    /// </summary>
    public async Task<ScimResponse> SendAsync(HttpMethod method, string relativeUri, byte[]? body, PhaseRecorder? recorder, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(method, new Uri(relativeUri, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ScimMediaType);
        }

        using CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_requestTimeout);
        long started = Stopwatch.GetTimestamp();
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            byte[] content = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            long elapsed = Stopwatch.GetTimestamp() - started;
            int status = (int)response.StatusCode;
            recorder?.RecordResponse(elapsed, status, content);
            return new ScimResponse(ScimOutcome.Responded, status, content);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ScimResponse.NotAnswered(ScimOutcome.Cancelled);
        }
        catch (OperationCanceledException)
        {
            recorder?.RecordFailure("timeout", $"{method} {relativeUri}: no response within {_requestTimeout.TotalSeconds:0.#} s");
            return ScimResponse.NotAnswered(ScimOutcome.TimedOut);
        }
        catch (HttpRequestException exception)
        {
            recorder?.RecordFailure($"transport:{exception.HttpRequestError}", $"{method} {relativeUri}: {exception.Message}");
            return ScimResponse.NotAnswered(ScimOutcome.TransportFailed);
        }
        catch (IOException exception)
        {
            recorder?.RecordFailure("transport:io", $"{method} {relativeUri}: {exception.Message}");
            return ScimResponse.NotAnswered(ScimOutcome.TransportFailed);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    // Without the slash, "Users" relative to ".../scim/v2/{orgId}" would replace the orgId segment.
    private static Uri WithTrailingSlash(Uri baseUrl)
    {
        string text = baseUrl.AbsoluteUri;
        return text.EndsWith('/') ? baseUrl : new Uri(text + "/");
    }
}
