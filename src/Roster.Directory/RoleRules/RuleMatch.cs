namespace Roster.Directory.RoleRules;

/// <summary>What a role rule looks at.</summary>
public enum RuleMatch
{
    /// <summary>A group chosen by its SCIM <c>id</c>.</summary>
    GroupId,

    /// <summary>A group chosen by its <c>externalId</c> (exactly: the IdP's own id, e.g. Entra's object id).</summary>
    GroupExternalId,

    /// <summary>A group chosen by its <c>displayName</c>, ignoring case as SCIM compares it; a rename may make it match another group.</summary>
    GroupDisplayName,

    /// <summary>A <c>roles</c> value the IdP sends (ignoring case), mapped to a role: an alias such as "Admin" for "Administrator".</summary>
    RoleValue,
}
