namespace Roster.Directory.Audit;

/// <summary>
/// A page of a tenant's audit events, newest first. Every filter is optional;
/// <see cref="From"/> is inclusive and <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public string? Action { get; init; }

    public string? ResourceType { get; init; }

    public Guid? ResourceId { get; init; }

    public Guid? CredentialId { get; init; }

    /// <summary>The employee profile that acted (the console's "actor" filter).</summary>
    public Guid? ActorProfileId { get; init; }

    /// <summary>What made the change: "console", "admin-api", "cli", or an identity provider such as "Okta".</summary>
    public string? Client { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The <see cref="AuditPage.NextCursor"/> of the previous page; null for the first page.</summary>
    public string? Cursor { get; init; }
}
