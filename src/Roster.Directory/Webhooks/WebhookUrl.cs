using System.Net;

namespace Roster.Directory.Webhooks;

/// <summary>The rules for an endpoint's URL, checked when it is registered or changed.</summary>
public static class WebhookUrl
{
    public const int MaxLength = 2_000;

    /// <summary>The URL parsed, or why it cannot be an endpoint.</summary>
    public static (Uri? Url, string? Refusal) Parse(string? text, WebhookNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "Give the endpoint's URL, e.g. https://hooks.example.com/roster.");
        }

        text = text.Trim();
        if (text.Length > MaxLength)
        {
            return (null, $"The URL is longer than {MaxLength} characters.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return (null, $"'{text}' is not an http or https URL; endpoints are https URLs such as https://hooks.example.com/roster.");
        }

        if (url.UserInfo.Length > 0)
        {
            return (null, "The URL must not carry a user name or password; authenticate deliveries by their signature.");
        }

        if (url.Fragment.Length > 0)
        {
            return (null, "The URL must not have a fragment (#...).");
        }

        // A literal address is judged now; a name is judged at every delivery, after it resolves.
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.DnsSafeHost, out var address) && policy.Refusal(address) is { } refusal)
        {
            return (null, refusal);
        }

        return (url, null);
    }
}
