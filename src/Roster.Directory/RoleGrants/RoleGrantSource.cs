namespace Roster.Directory.RoleGrants;

/// <summary>Where a person's role comes from: the answer to "why does this person hold this role?".</summary>
public enum RoleGrantSource
{
    /// <summary>A <c>roles</c> value of the person's SCIM document names the role exactly (sent by the IdP, or set in Roster while SCIM is off).</summary>
    Sent,

    /// <summary>A <c>roles</c> value is mapped to the role by a value rule (an alias such as "Admin" for "Administrator").</summary>
    Alias,

    /// <summary>The person is a member of a group, directly or through nested groups, that a group rule maps to the role.</summary>
    Group,

    /// <summary>The SCIM default role, given because the IdP sent no role.</summary>
    Default,

    /// <summary>The SCIM required role, which every provisioned person holds.</summary>
    Required,

    /// <summary>The default role, given for a <c>roles</c> value that names no role, by the tenant's unknown-role policy.</summary>
    Fallback,

    /// <summary>Granted by an administrator beside what the IdP sends.</summary>
    Manual,
}
