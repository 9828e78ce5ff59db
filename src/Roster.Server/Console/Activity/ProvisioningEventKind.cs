namespace Roster.Server.Console.Activity;

/// <summary>What an identity provider did, as the activity page counts it.</summary>
public enum ProvisioningEventKind
{
    Create,
    Update,

    /// <summary>A user update that set <c>active</c> from true to false: access revoked.</summary>
    Deactivation,
    Delete,

    /// <summary>Members added to or removed from a group.</summary>
    GroupChange,
}
