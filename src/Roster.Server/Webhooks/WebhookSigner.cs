using System.Collections.Concurrent;
using Roster.Directory.Webhooks;
using StandardWebhooks;

namespace Roster.Server.Webhooks;

/// <summary>
/// Signs deliveries as the Standard Webhooks specification says (HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, <c>v1,</c> and base64), with the StandardWebhooks
/// library: one signature per live secret, separated by spaces, so a receiver that knows either
/// the new or the previous secret during a rotation accepts the delivery.
/// </summary>
public sealed class WebhookSigner(WebhookSecrets secrets)
{
    private const int MaxKept = 10_000;

    // Decrypting a secret costs more than signing with it: each stored (encrypted) value is opened once.
    private readonly ConcurrentDictionary<string, StandardWebhook> _signers = new(StringComparer.Ordinal);

    /// <summary>The <c>webhook-signature</c> value for a message signed with the endpoint's live secrets.</summary>
    public string Sign(EndpointWork endpoint, string messageId, DateTimeOffset timestamp, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var signature = Signer(endpoint.Secret).Sign(messageId, timestamp, body);
        if (endpoint.PreviousSecret is { } previous && endpoint.PreviousSecretExpires is { } expires && expires > now)
        {
            signature += " " + Signer(previous).Sign(messageId, timestamp, body);
        }

        return signature;
    }

    private StandardWebhook Signer(string stored)
    {
        if (_signers.TryGetValue(stored, out var signer))
        {
            return signer;
        }

        if (_signers.Count >= MaxKept)
        {
            _signers.Clear();
        }

        return _signers[stored] = new StandardWebhook(secrets.Unprotect(stored));
    }
}
