namespace Roster.Directory.Webhooks;

/// <summary>The <c>state</c> of a delivery.</summary>
public static class WebhookDeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>Given up on: a dead letter, until someone redelivers it.</summary>
    public const string Dead = "dead";
}
