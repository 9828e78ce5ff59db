namespace Roster.Directory.Onboarding;

/// <summary>A setup link that works now: the organization it sets up and until when.</summary>
public sealed record SetupLinkView(Guid TenantId, string TenantName, DateTimeOffset Expires);
