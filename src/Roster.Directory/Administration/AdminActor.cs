namespace Roster.Directory.Administration;

/// <summary>Who makes an administrative change, as the audit log records it.</summary>
/// <param name="TenantId">The tenant the change is made in.</param>
/// <param name="ProfileId">The employee profile acting, once profiles exist; null for the CLI or a bootstrap.</param>
/// <param name="CredentialId">The credential used (access key, session), when there is one.</param>
/// <param name="Client">What made the request: "console", "admin-api", "cli", ...</param>
public sealed record AdminActor(Guid TenantId, Guid? ProfileId, Guid? CredentialId, string Client);
