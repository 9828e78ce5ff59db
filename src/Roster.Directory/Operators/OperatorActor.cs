namespace Roster.Directory.Operators;

/// <summary>Who acts on the operator's behalf: the CLI, or the operator API with one key.</summary>
/// <param name="Client">"cli" or "operator key &lt;name&gt;", as the audit records it.</param>
/// <param name="KeyId">The operator key of an operator API request.</param>
public sealed record OperatorActor(string Client, Guid? KeyId)
{
    public static OperatorActor Cli { get; } = new("cli", null);

    /// <summary>The operator API acting with one key: the audit names it ("operator key vendor-backend").</summary>
    public static OperatorActor ForKey(Guid keyId, string keyName) => new($"operator key {keyName}", keyId);

    /// <summary>The same actor as a tenant's audit log and use cases see it: unbounded, not bound by the SCIM lock.</summary>
    public Administration.AdminActor In(Guid tenantId) =>
        new(tenantId, null, KeyId, Client, Roles.PermissionSet.Unbounded) { ActsAsOperator = true };
}
