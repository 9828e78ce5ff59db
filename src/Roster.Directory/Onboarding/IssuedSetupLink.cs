namespace Roster.Directory.Onboarding;

/// <summary>A new setup link's token (shown once, never stored) and when it stops working; <see cref="SetupLinkTokens.Link"/> makes the URL.</summary>
public sealed record IssuedSetupLink(Guid Id, Guid TenantId, string Token, DateTimeOffset Expires);
