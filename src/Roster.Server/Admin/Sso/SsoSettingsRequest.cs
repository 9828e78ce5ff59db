namespace Roster.Server.Admin.Sso;

/// <summary>
/// The body of <c>PATCH /sso/settings</c>: what is given is set, what is left out is kept.
/// <c>breakGlass</c> replaces the whole list of break-glass administrators (employee ids).
/// </summary>
public sealed record SsoSettingsRequest(bool? SsoOnly = null, bool? ScimRequiresSsoOnly = null, IReadOnlyList<Guid>? BreakGlass = null, bool? AdministratorsNeedSecondFactor = null);
