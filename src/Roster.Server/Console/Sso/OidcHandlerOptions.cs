using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Roster.Directory.Sso;

namespace Roster.Server.Console.Sso;

/// <summary>
/// The options of ASP.NET Core's OpenID Connect handler for one connection, made at run time from
/// what the tenant saved (no scheme per connection is registered at start-up: tenants add and
/// change connections while Roster runs). Kept per connection and version, so that every change
/// (a new client secret, another issuer) is used from the next request on, and the IdP's discovery
/// document and signing keys (JWKS) are fetched once and refreshed by the handler's
/// configuration manager, not on every sign-in.
/// </summary>
public sealed class OidcHandlerOptions(IDataProtectionProvider dataProtection, SsoOptions sso, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, (long Version, OpenIdConnectOptions Options)> _cache = new();

    /// <summary>The handler's scheme name for a connection: its state and nonce are protected for this connection only.</summary>
    public static string SchemeName(Guid connectionId) => $"sso-{connectionId:N}";

    public OpenIdConnectOptions For(Guid orgId, SsoConnection connection, string? clientSecret)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_cache.TryGetValue(connection.Id, out var cached) && cached.Version == connection.Version)
        {
            return cached.Options;
        }

        var options = Create(orgId, connection, clientSecret);
        _cache[connection.Id] = (connection.Version, options);
        return options;
    }

    private OpenIdConnectOptions Create(Guid orgId, SsoConnection connection, string? clientSecret)
    {
        var oidc = connection.Oidc ?? throw new ArgumentException("Not an OpenID Connect connection.", nameof(connection));
        var options = new OpenIdConnectOptions
        {
            MetadataAddress = oidc.DiscoveryUrl,

            // SsoOptions allowed plain HTTP for a loopback issuer only (a test or a demo).
            RequireHttpsMetadata = !oidc.DiscoveryUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || !sso.AllowLoopbackHttp,
            ClientId = oidc.ClientId,
            ClientSecret = clientSecret,
            ResponseType = OpenIdConnectResponseType.Code,

            // A top-level GET back to Roster: the correlation and nonce cookies can then be SameSite=Lax.
            ResponseMode = OpenIdConnectResponseMode.Query,
            UsePkce = true,
            CallbackPath = SsoPaths.Callback(orgId, connection.Id),
            GetClaimsFromUserInfoEndpoint = true,
            SaveTokens = false,
            MapInboundClaims = false,
            DisableTelemetry = true,
            SignInScheme = ConsoleAuthentication.Scheme,
            RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10),
            TimeProvider = time,
            Events = OidcSignInEndpoints.Events,
        };
        options.Scope.Clear();
        options.Scope.Add(OpenIdConnectScope.OpenId);
        foreach (var scope in oidc.Scopes)
        {
            options.Scope.Add(scope);
        }

        // Claims read from the UserInfo endpoint (the ID token of the code flow may carry only
        // "sub"): the mapped email and names, and whether the IdP verified the email.
        foreach (var claim in new[] { oidc.EmailClaim, oidc.GivenNameClaim, oidc.FamilyNameClaim, "email_verified" }.Distinct(StringComparer.Ordinal))
        {
            options.ClaimActions.MapUniqueJsonKey(claim, claim);
        }

        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Path = SsoPaths.Root;
        }

        // The ID token: signed with a key of the issuer's JWKS, issued by the discovered issuer,
        // for this client ID, not expired (the handler's defaults, stated here so they stay).
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.RequireSignedTokens = true;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
        new OpenIdConnectPostConfigureOptions(dataProtection).PostConfigure(SchemeName(connection.Id), options);
        return options;
    }
}
