namespace Roster.Directory.Sso;

/// <summary>A row of <c>sso_break_glass</c>: an administrator who may still sign in with a password while the tenant is SSO only.</summary>
public sealed class SsoBreakGlassRecord
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }
}
