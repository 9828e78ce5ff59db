namespace Roster.Server.Admin.Tokens;

/// <summary>The body of <c>POST /scim-tokens</c>: a name, the owner's profile id and an optional expiry (default one year).</summary>
public sealed record IssueScimTokenRequest(string? Name, Guid? OwnerId, DateTimeOffset? Expires);
