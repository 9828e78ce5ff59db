using System.Text.Json.Nodes;

namespace Roster.Server.Tests.Events;

/// <summary>One request a <see cref="WebhookReceiver"/> got: the Standard Webhooks headers and the body as sent.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, DateTimeOffset ReceivedAt, int AnsweredWith)
{
    public JsonObject Event => JsonNode.Parse(Body)!.AsObject();

    public string Type => (string)Event["type"]!;

    public long Sequence => (long)Event["sequence"]!;

    public string ResourceId => (string)Event["resource"]!["id"]!;
}
