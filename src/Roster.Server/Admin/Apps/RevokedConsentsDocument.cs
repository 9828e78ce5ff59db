namespace Roster.Server.Admin.Apps;

/// <summary>The answer to revoking an app's consents: how many consents ended.</summary>
public sealed record RevokedConsentsDocument(long Revoked);
