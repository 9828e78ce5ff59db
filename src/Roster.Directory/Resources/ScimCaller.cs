namespace Roster.Directory.Resources;

/// <summary>Who makes a SCIM request: the tenant, the credential and the client seen.</summary>
/// <param name="TenantId">The tenant the credential belongs to.</param>
/// <param name="CredentialId">The SCIM token (or other credential) used.</param>
/// <param name="Client">The client identified from the request (Okta, Entra ID, other).</param>
/// <param name="ProfileId">The employee profile that owns the credential, credited with the changes made with it.</param>
public sealed record ScimCaller(Guid TenantId, Guid? CredentialId, string Client, Guid? ProfileId = null);
