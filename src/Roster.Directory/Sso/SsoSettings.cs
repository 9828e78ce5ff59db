namespace Roster.Directory.Sso;

/// <summary>A tenant's sign-in policy.</summary>
/// <param name="TenantId">The tenant (org ID).</param>
/// <param name="SsoOnly">Password sign-in is refused for everyone but <see cref="BreakGlass"/>.</param>
/// <param name="ScimRequiresSsoOnly">SCIM provisioning cannot be turned on until <see cref="SsoOnly"/> is.</param>
/// <param name="BreakGlass">The administrators who may still sign in with a password while <see cref="SsoOnly"/> holds.</param>
public sealed record SsoSettings(Guid TenantId, bool SsoOnly, bool ScimRequiresSsoOnly, IReadOnlyList<Guid> BreakGlass)
{
    /// <summary>
    /// Administrators (<see cref="SecondFactors.SecondFactorPolicy"/>) who sign in with a password
    /// must use a second factor: one without is sent to set one up before the console opens.
    /// </summary>
    public bool AdministratorsNeedSecondFactor { get; init; }

    public bool Equals(SsoSettings? other) =>
        other is not null && TenantId == other.TenantId && SsoOnly == other.SsoOnly && ScimRequiresSsoOnly == other.ScimRequiresSsoOnly
        && AdministratorsNeedSecondFactor == other.AdministratorsNeedSecondFactor
        && BreakGlass.Order().SequenceEqual(other.BreakGlass.Order());

    public override int GetHashCode() => HashCode.Combine(TenantId, SsoOnly, ScimRequiresSsoOnly, AdministratorsNeedSecondFactor);
}
