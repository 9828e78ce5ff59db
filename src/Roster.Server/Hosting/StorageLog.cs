namespace Roster.Server.Hosting;

/// <summary>What migrating the database has to tell the operator.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "User {UserId} of tenant {TenantId} has a userName that another user of the tenant also has once Unicode forms are compared; rename one of them")]
    public static partial void UserNameClash(ILogger logger, Guid userId, Guid tenantId);
}
