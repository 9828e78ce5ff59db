using Roster.Directory.Roles;

namespace Roster.Directory.Resources;

/// <summary>Who makes a SCIM request: the tenant, the credential and the client seen.</summary>
/// <param name="TenantId">The tenant the credential belongs to.</param>
/// <param name="CredentialId">The SCIM token (or other credential) used.</param>
/// <param name="Client">The client identified from the request (Okta, Entra ID, other).</param>
/// <param name="ProfileId">The employee profile that owns the credential, credited with the changes made with it.</param>
/// <param name="Permissions">
/// The credential's power now: its owner's permissions within the credential's ceiling, or
/// <see cref="PermissionSet.Unbounded"/> for the operator's tokens. It bounds which roles a write
/// may give and whom it may change (<see cref="PrivilegeRules"/>).
/// </param>
public sealed record ScimCaller(Guid TenantId, Guid? CredentialId, string Client, Guid? ProfileId, PermissionSet Permissions)
{
    /// <summary>The tenant's resource types, with its own schema extensions; Roster's alone when it has none.</summary>
    public SchemaExtensions.TenantSchemas Schemas { get; init; } = SchemaExtensions.TenantSchemas.Standard;
}
