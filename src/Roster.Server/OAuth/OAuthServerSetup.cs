using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Roster.Directory.Credentials;
using Roster.Server.Deployment;
using Roster.Server.Hosting;
using Roster.Server.Keys;
using Roster.Server.Settings;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Roster.Server.OAuth;

/// <summary>
/// Roster's OAuth 2 server on OpenIddict: <c>/auth/token</c> (client credentials with an access
/// key, authorization code with refresh tokens), <c>/auth/authorize</c>, <c>/auth/revoke</c>,
/// discovery and JWKS, with clients, consents and tokens in Roster's database and the keys in
/// <c>server_keys</c> (<see cref="ServerKeys"/>). The token and authorize requests pass through to
/// <see cref="TokenEndpoint"/> and <see cref="Console.Pages.OAuth.AuthorizeModel"/>, which decide who gets what;
/// OpenIddict does the protocol.
/// </summary>
public static class OAuthServerSetup
{
    public const string TokenPath = "auth/token";
    public const string AuthorizePath = "auth/authorize";
    public const string RevokePath = "auth/revoke";

    /// <summary>Access tokens are short-lived: a revoked person's token stops anyway on every SCIM call, but an hour bounds a leak.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a replaced signing key stays published and trusted: the longest life of a token it
    /// signed, which is a refresh token's longest idle window that any configuration can set
    /// (<see cref="OAuthOptions.MaxRefreshTokenIdleDays"/>; each refresh issues a new token, signed
    /// with the key of the moment, so no token outlives its window).
    /// </summary>
    public static readonly TimeSpan KeyRetention = TimeSpan.FromDays(OAuthOptions.MaxRefreshTokenIdleDays);

    public static IServiceCollection AddRosterOAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath)
                    .SetAuthorizationEndpointUris(AuthorizePath)
                    .SetRevocationEndpointUris(RevokePath);
                server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RegisterScopes([.. OAuthScopes.All]);
                // Refresh tokens roll and slide (OpenIddict's defaults, said here because they are
                // what keeps an idle IdP connection alive and a stolen old token useless); their
                // window is Roster:OAuth:RefreshTokenIdleDays (RefreshTokenLifetimeOptions).
                server.SetAccessTokenLifetime(AccessTokenLifetime);

                // Access tokens are signed JWTs that any resource server can check with the JWKS.
                server.DisableAccessTokenEncryption();

                // Okta's callbacks are accepted for access keys without being stored; every URI obeys Roster's rules.
                server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor);
                server.AddEventHandler(ClientRedirectUriCheck.Descriptor);
                server.AddEventHandler(RegisteredAuthenticationMethod.TokenDescriptor);
                server.AddEventHandler(RegisteredAuthenticationMethod.RevocationDescriptor);
                server.AddEventHandler(AuthorizationRefusalLog.Descriptor);
                server.AddEventHandler(UnknownAndWrongClientsLookAlike.TokenDescriptor);
                server.AddEventHandler(UnknownAndWrongClientsLookAlike.RevocationDescriptor);

                // PKCE with S256 only: "plain" sends the verifier itself as the challenge, so whoever
                // sees the authorization request can redeem the code (RFC 9700 §2.1.1).
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                // TLS usually ends at the load balancer in front of Roster, so the requests it sees are
                // plain HTTP; the deployment guide requires HTTPS at the edge (docs/operations.md).
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();

                // Revoked tokens and consents stop at once, not when the token expires.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
            });
        services.AddRosterOptions<OAuthOptions>(configuration, OAuthOptions.SectionName);
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, RefreshTokenLifetimeOptions>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyOptions>();
        services.AddSingleton<ServerKeyCache>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(p => p.GetRequiredService<ServerKeyCache>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>>(p => p.GetRequiredService<ServerKeyCache>());
        services.AddHostedService<ServerKeyRefresh>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, IssuerOptions>();
        services.AddSingleton(TrustedRedirects.From(configuration));
        services.AddSingleton<UnknownAndWrongClientsLookAlike>();
        return services;
    }

    /// <summary>
    /// The issuer is the public base URL, read when the options are built (so <c>serve --public-url</c>
    /// counts): behind a load balancer every node must name the same issuer, or a token issued by
    /// one node fails validation on the next. Without one, OpenIddict uses the request's own host.
    /// </summary>
    private sealed class IssuerOptions(IOptions<DeploymentOptions> deployment, IOptions<RosterServerOptions> server) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            var publicBaseUrl = string.IsNullOrWhiteSpace(deployment.Value.PublicBaseUrl) ? server.Value.PublicBaseUrl : deployment.Value.PublicBaseUrl;
            if (!string.IsNullOrWhiteSpace(publicBaseUrl))
            {
                options.Issuer = new Uri(publicBaseUrl.TrimEnd('/') + "/");
            }
        }
    }

    /// <summary>The refresh tokens' idle window from <see cref="OAuthOptions.RefreshTokenIdleDays"/>, with rolling tokens and sliding expiration kept on.</summary>
    private sealed class RefreshTokenLifetimeOptions(IOptions<OAuthOptions> oauth) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            options.RefreshTokenLifetime = TimeSpan.FromDays(oauth.Value.RefreshTokenIdleDays);
            options.DisableRollingRefreshTokens = false;
            options.DisableSlidingRefreshTokenExpiration = false;
        }
    }

    /// <summary>
    /// Gives OpenIddict the shared keys when its options are built (after migrations ran, and again
    /// whenever <see cref="ServerKeyCache"/> signals a change): the signing key of the moment first
    /// (OpenIddict signs with the first), then the others still published in JWKS and trusted.
    /// </summary>
    private sealed class ServerKeyOptions(ServerKeyCache keys, TimeProvider time) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            var ring = keys.Ring;
            var now = time.GetUtcNow();
            foreach (var key in ring.PublishedSigningKeys(now))
            {
                options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(key.CreateRsa()) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256));
            }

            foreach (var key in ring.DecryptingEncryptionKeys(now))
            {
                options.EncryptionCredentials.Add(new EncryptingCredentials(
                    new SymmetricSecurityKey(key.Material) { KeyId = key.KeyId }, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }
    }
}
