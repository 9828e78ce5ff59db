namespace Roster.Directory.Provisioning;

/// <summary>What the SCIM settings page shows as the connection's status (MoEngage "Security > Login").</summary>
public enum ScimProvisioningStatus
{
    /// <summary>No authenticated SCIM call has arrived yet.</summary>
    Inactive,

    /// <summary>An IdP has called; <see cref="ScimSettings.LastCallAt"/> and <see cref="ScimSettings.LastClient"/> say when and who.</summary>
    Active,
}
