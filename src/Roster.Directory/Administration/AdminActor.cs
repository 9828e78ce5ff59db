using Roster.Directory.Roles;

namespace Roster.Directory.Administration;

/// <summary>Who makes an administrative change, as the audit log records it.</summary>
/// <param name="TenantId">The tenant the change is made in.</param>
/// <param name="ProfileId">The employee profile acting, once profiles exist; null for the CLI or a bootstrap.</param>
/// <param name="CredentialId">The credential used (access key, session), when there is one.</param>
/// <param name="Client">What made the request: "console", "admin-api", "cli", ...</param>
/// <param name="Permissions">
/// What the actor holds now, which bounds what they may grant, change and issue
/// (<see cref="PrivilegeRules"/>); <see cref="PermissionSet.Unbounded"/> for the operator.
/// </param>
public sealed record AdminActor(Guid TenantId, Guid? ProfileId, Guid? CredentialId, string Client, PermissionSet Permissions)
{
    /// <summary>
    /// True for the operator who runs Roster (the CLI on the server's own database). The operator
    /// is not bound by the SCIM manual management lock: someone has to be able to create the first
    /// administrator of a tenant whose SCIM provisioning is on, and the operator owns the database anyway.
    /// </summary>
    public bool ActsAsOperator { get; init; }

    /// <summary>The operator acting on <paramref name="tenantId"/> through the CLI.</summary>
    public static AdminActor Operator(Guid tenantId) => new(tenantId, null, null, "cli", PermissionSet.Unbounded) { ActsAsOperator = true };
}
