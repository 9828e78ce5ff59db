namespace Roster.Directory.Sso;

/// <summary>A change of a tenant's sign-in policy; null keeps a value. <see cref="BreakGlass"/> replaces the list.</summary>
public sealed record SsoSettingsUpdate(bool? SsoOnly = null, bool? ScimRequiresSsoOnly = null, IReadOnlyList<Guid>? BreakGlass = null, bool? AdministratorsNeedSecondFactor = null);
