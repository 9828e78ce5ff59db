namespace Roster.Directory.Webhooks;

/// <summary>An endpoint with its new signing secret, returned once, when it is made or rotated.</summary>
public sealed record IssuedWebhookSecret(WebhookEndpoint Endpoint, string Secret);
