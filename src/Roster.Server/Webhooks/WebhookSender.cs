using System.Diagnostics;
using System.Globalization;
using System.Text;
using Roster.Directory.Webhooks;

namespace Roster.Server.Webhooks;

/// <summary>
/// Sends one signed request to an endpoint and says what happened. Its connections pass the SSRF
/// defence (<see cref="WebhookNetworkPolicy"/>): the host is resolved here, every address is
/// checked, and the socket connects to an address that passed, so a DNS answer that changes
/// between check and connection reaches nothing it should not. No proxy (it would connect for
/// us, unchecked), no redirects (a 3xx is an answer, not a new destination).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    /// <summary>How much of a request body the delivery log keeps.</summary>
    public const int LoggedRequestChars = 1_000;

    /// <summary>How much of an answer the delivery log keeps.</summary>
    public const int LoggedResponseChars = 500;

    private readonly HttpClient _client;
    private readonly WebhookOptions _options;
    private readonly WebhookSigner _signer;
    private readonly TimeProvider _time;

    public WebhookSender(WebhookOptions options, WebhookNetworkPolicy policy, WebhookSigner signer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _signer = signer;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => CheckedConnections.ConnectAsync(policy, context, cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Roster-Webhooks/1");
    }

    /// <summary>POSTs <paramref name="body"/>, signed, with <paramref name="eventId"/> as its <c>webhook-id</c>.</summary>
    public async Task<DeliveryOutcome> SendAsync(EndpointWork endpoint, ClaimedDelivery? delivery, Guid eventId, string type, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var attempted = _time.GetUtcNow();
        var messageId = eventId.ToString();
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(attempted.ToUnixTimeSeconds());
        var unix = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var logged = $"POST {endpoint.Url}\nwebhook-id: {messageId}\nwebhook-timestamp: {unix}\n\n{(body.Length > LoggedRequestChars ? body[..LoggedRequestChars] : body)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", unix);
        request.Headers.Add("webhook-signature", _signer.Sign(endpoint, messageId, timestamp, body, attempted));

        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await ReadStartAsync(response, timeout.Token);
            return new DeliveryOutcome(delivery, eventId, type, attempted, watch.Elapsed, logged, (int)response.StatusCode, answer, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"No answer within {_options.Timeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            return Failed(Refusal(e) ?? $"The request failed: {e.Message}");
        }

        DeliveryOutcome Failed(string error) => new(delivery, eventId, type, attempted, watch.Elapsed, logged, null, null, error);
    }

    public void Dispose() => _client.Dispose();

    private static string? Refusal(Exception e) => CheckedConnections.Refusal(e) is { } refused ? "Refused: " + refused : null;

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[LoggedResponseChars * 2];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > LoggedResponseChars ? text[..LoggedResponseChars] : text;
    }
}
