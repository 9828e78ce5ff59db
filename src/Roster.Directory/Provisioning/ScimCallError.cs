namespace Roster.Directory.Provisioning;

/// <summary>A refused SCIM request as the console shows it.</summary>
public sealed record ScimCallError(
    Guid Id,
    DateTimeOffset Occurred,
    string Method,
    string Path,
    int Status,
    string? ScimType,
    string Detail,
    string Client,
    Guid? CredentialId,
    string? RequestId);
