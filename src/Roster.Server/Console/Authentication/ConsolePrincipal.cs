using System.Security.Claims;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Tenants;
using Roster.Server.Admin.Authentication;

namespace Roster.Server.Console.Authentication;

/// <summary>
/// The signed-in employee of a console session. The claims are the admin API's own
/// (<see cref="AdminBasicDefaults"/>), so one <see cref="PermissionRequirement"/> serves both.
/// </summary>
public static class ConsolePrincipal
{
    /// <summary>The organization's display name, kept in the session for the page header.</summary>
    public const string OrgNameClaim = "roster:org-name";

    /// <summary>The id of the server-side session (<c>console_sessions</c>) every request checks.</summary>
    public const string SessionClaim = "roster:session";

    /// <summary>The person's console language (their profile's <c>preferredLanguage</c>), re-read every request.</summary>
    public const string LanguageClaim = "roster:language";

    /// <summary>The person's time zone (their profile's <c>timezone</c>), re-read every request.</summary>
    public const string TimeZoneClaim = "roster:timezone";

    public static ClaimsPrincipal Create(Tenant tenant, Employee employee, IEnumerable<string> permissions, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(employee);
        var claims = new List<Claim>
        {
            new(AdminBasicDefaults.TenantClaim, tenant.Id.ToString()),
            new(OrgNameClaim, tenant.Name),
            new(AdminBasicDefaults.EmployeeClaim, employee.Id.ToString()),
            new(ClaimTypes.Name, employee.Email),
            new(SessionClaim, sessionId.ToString()),

            // Anti-forgery tokens are bound to this claim alone (the first of sub, nameidentifier,
            // upn); without it they would be bound to every claim, and a form opened before the
            // person's permissions or preferences changed would be refused after.
            new(ClaimTypes.NameIdentifier, sessionId.ToString()),
        };
        claims.AddRange(permissions.Select(p => new Claim(AdminBasicDefaults.PermissionClaim, p)));
        claims.AddRange(Preferences(employee));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleAuthentication.Scheme, ClaimTypes.Name, null));
    }

    /// <summary>The same principal with <paramref name="permissions"/> and the employee's preferences as they are now.</summary>
    public static ClaimsPrincipal WithAccess(ClaimsPrincipal principal, IEnumerable<string> permissions, Employee? employee)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var kept = principal.Claims
            .Where(c => c.Type is not (AdminBasicDefaults.PermissionClaim or LanguageClaim or TimeZoneClaim))
            .Select(c => new Claim(c.Type, c.Value));
        var claims = kept.Concat(permissions.Select(p => new Claim(AdminBasicDefaults.PermissionClaim, p))).Concat(Preferences(employee));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleAuthentication.Scheme, ClaimTypes.Name, null));
    }

    public static string? PreferredLanguage(this ClaimsPrincipal user) => user?.FindFirstValue(LanguageClaim);

    public static string? TimeZoneName(this ClaimsPrincipal user) => user?.FindFirstValue(TimeZoneClaim);

    private static IEnumerable<Claim> Preferences(Employee? employee)
    {
        if (employee?.PreferredLanguage is { Length: > 0 } language)
        {
            yield return new Claim(LanguageClaim, language);
        }

        if (employee?.TimeZone is { Length: > 0 } zone)
        {
            yield return new Claim(TimeZoneClaim, zone);
        }
    }

    public static Guid? TenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(AdminBasicDefaults.TenantClaim), out var id) ? id : null;

    public static Guid? EmployeeId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(AdminBasicDefaults.EmployeeClaim), out var id) ? id : null;

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(SessionClaim), out var id) ? id : null;

    public static string OrgName(this ClaimsPrincipal user) => user?.FindFirstValue(OrgNameClaim) ?? "";

    /// <summary>Who makes a change from the console, as the audit log credits it.</summary>
    public static AdminActor ConsoleActor(this ClaimsPrincipal user)
    {
        var tenant = user.TenantId() ?? throw new InvalidOperationException("Console pages run only for signed-in employees.");
        return new AdminActor(tenant, user.EmployeeId(), null, ConsoleAuthentication.Client, user.Permissions());
    }
}
