using Roster.Directory.Roles;

namespace Roster.Server.Tests.Privileges;

/// <summary>
/// One way a person might try to obtain more than they hold, through one door of Roster (admin
/// API, console, SCIM, OAuth, a credential the operator issued), and what the privilege model
/// says it needs. <see cref="Attempt"/> answers whether Roster let it through.
/// </summary>
/// <param name="Name">What the path does, as a failure reports it.</param>
/// <param name="Needed">The permissions the actor must hold for the attempt to succeed: the endpoint's own and the model's.</param>
/// <param name="Attempt">Makes the attempt as the actor; true when Roster carried it out.</param>
/// <param name="UsesScim">
/// True for attempts on the SCIM API, which run once SCIM provisioning is on; the others run
/// before, while manual changes of employees are allowed.
/// </param>
public sealed record EscalationPath(string Name, PermissionSet Needed, Func<PrivilegeWorld, Task<bool>> Attempt, bool UsesScim = false)
{
    public override string ToString() => Name;
}
