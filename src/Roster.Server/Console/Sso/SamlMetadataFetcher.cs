using System.Net.Http.Headers;
using System.Text;
using Roster.Directory.Administration;
using Roster.Directory.Sso;
using Roster.Directory.Webhooks;
using Roster.Server.Webhooks;

namespace Roster.Server.Console.Sso;

/// <summary>
/// Reads an IdP's SAML metadata from the URL a tenant administrator gave. The request leaves from
/// inside the operator's network on a tenant's word, so it passes the same SSRF defence as webhook
/// delivery (<see cref="CheckedConnections"/>: loopback, private, link-local and metadata-service
/// addresses refused unless the operator allowed their network in
/// <see cref="SsoOptions.MetadataAllowedNetworks"/>, where plain HTTP is then allowed too); no
/// proxy, no redirects, a timeout, and at most <see cref="SamlIdpMetadata.MaxLength"/> bytes read
/// before anything is parsed.
/// </summary>
public sealed class SamlMetadataFetcher : IDisposable
{
    public const string Field = "idpMetadataUrl";

    private readonly HttpClient _client;
    private readonly SsoOptions _options;

    public SamlMetadataFetcher(SsoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var policy = new WebhookNetworkPolicy(options.MetadataAllowedNetworks, $"{SsoOptions.SectionName}:MetadataAllowedNetworks", "an identity provider's metadata is not read inside Roster's own network");
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.MetadataTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => CheckedConnections.ConnectAsync(
                policy, context, cancellationToken, onlyAllowedNetworks: context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttp),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Roster-SSO/1");
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/samlmetadata+xml"));
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml", 0.9));
    }

    /// <summary>The metadata at <paramref name="url"/>, or what failed: the address, the connection, the answer, or the metadata itself.</summary>
    public async Task<AdminResult<SamlIdpMetadata>> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (_options.MetadataUrlProblem(url) is { } bad)
        {
            return Refused(bad);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.MetadataTimeout);
        string text;
        try
        {
            using var response = await _client.GetAsync(new Uri(url.Trim()), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Refused($"The metadata URL answered {(int)response.StatusCode} {response.ReasonPhrase}, not the metadata.");
            }

            if (response.Content.Headers.ContentLength > SamlIdpMetadata.MaxLength)
            {
                return TooLarge();
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[SamlIdpMetadata.MaxLength + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token)) > 0)
            {
                read += n;
            }

            if (read > SamlIdpMetadata.MaxLength)
            {
                return TooLarge();
            }

            text = Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused($"The metadata URL did not answer within {_options.MetadataTimeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            return CheckedConnections.Refusal(e) is { } refused
                ? Refused($"The metadata URL was not read: {refused}")
                : Refused($"The metadata URL could not be reached: {e.Message}");
        }

        return SamlIdpMetadata.Read(text, Field);
    }

    public void Dispose() => _client.Dispose();

    private static AdminError TooLarge() => Refused($"The metadata URL answered with more than {SamlIdpMetadata.MaxLength / 1024} KiB: that is not an identity provider's metadata.");

    private static AdminError Refused(string detail) => AdminError.Validation(detail) with { Field = Field };
}
