namespace Roster.Directory.Provisioning;

/// <summary>What a SCIM write gets when a <c>roles</c> value names no role of the tenant and no value rule maps it.</summary>
public enum UnknownRolePolicy
{
    /// <summary>A 400 that names the value (the seeds' behaviour, and the default).</summary>
    Refuse,

    /// <summary>The write succeeds; the value grants nothing and is recorded for the provisioning activity page.</summary>
    Ignore,

    /// <summary>The write succeeds and the value grants the default role (nothing when none is set); recorded too.</summary>
    DefaultRole,
}
