namespace Roster.Directory.Provisioning;

/// <summary>
/// A row of <c>scim_call_errors</c>: one SCIM request of an authenticated identity provider that
/// Roster refused, with what it answered, so the console can show errors first and their detail.
/// </summary>
public sealed class ScimCallErrorRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public DateTimeOffset Occurred { get; set; }

    public required string Method { get; set; }

    public required string Path { get; set; }

    public int Status { get; set; }

    public string? ScimType { get; set; }

    public required string Detail { get; set; }

    public required string Client { get; set; }

    public Guid? CredentialId { get; set; }

    /// <summary>The request's trace id, to find it in the server's logs.</summary>
    public string? RequestId { get; set; }
}
