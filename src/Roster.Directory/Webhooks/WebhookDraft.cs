namespace Roster.Directory.Webhooks;

/// <summary>What an administrator sends to register or change an endpoint; a null member keeps its value on a change.</summary>
public sealed record WebhookDraft
{
    public string? Url { get; init; }

    public string? Description { get; init; }

    /// <summary>Types or families (<c>user.*</c>); empty for every type.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }

    public bool? Enabled { get; init; }
}
