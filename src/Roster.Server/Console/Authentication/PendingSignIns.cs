using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Roster.Directory.SecondFactors;

namespace Roster.Server.Console.Authentication;

/// <summary>
/// The half-signed-in state between the password and the second step: a short-lived cookie
/// (<see cref="CookieName"/>, <see cref="Lifetime"/>, only sent to <c>/console/sign-in</c>),
/// encrypted and signed with Data Protection, that names the tenant, the person and the step.
/// It is not a session: no page but the second step's reads it, and it carries no permission.
/// The console's session cookie is issued only once the step succeeds.
/// </summary>
public sealed class PendingSignIns(IDataProtectionProvider provider, TimeProvider time)
{
    public const string CookieName = "roster_console_pending";

    /// <summary>How long the person has to enter the code after the password.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const string CookiePath = ConsoleAuthentication.SignInPath;

    private readonly IDataProtector _protector = provider.CreateProtector("Roster.Console.PendingSignIn.v1");

    public void Start(HttpContext context, Guid tenantId, Guid userId, SecondFactorStep step)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expires = time.GetUtcNow() + Lifetime;
        var payload = string.Join('|', tenantId.ToString("N"), userId.ToString("N"), ((int)step).ToString(CultureInfo.InvariantCulture), expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = CookiePath,
            IsEssential = true,
        });
    }

    /// <summary>The request's pending sign-in, or null when there is none, it was tampered with, or it ran out.</summary>
    public PendingSignIn? Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 4 || !Guid.TryParseExact(parts[0], "N", out var tenantId) || !Guid.TryParseExact(parts[1], "N", out var userId)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || !Enum.IsDefined((SecondFactorStep)step)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return expires <= time.GetUtcNow() ? null : new PendingSignIn(tenantId, userId, (SecondFactorStep)step, expires);
    }

    public static void End(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
    }
}
