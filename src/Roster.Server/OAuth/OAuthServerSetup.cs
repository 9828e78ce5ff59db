using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Roster.Directory.Credentials;
using Roster.Server.Deployment;
using Roster.Server.Hosting;
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
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyOptions>();
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

    /// <summary>Gives OpenIddict the shared keys when its options are first built (after migrations ran).</summary>
    private sealed class ServerKeyOptions(ServerKeys keys) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            var signing = new RsaSecurityKey(keys.SigningKey()) { KeyId = "roster-signing-1" };
            options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
            var encryption = new SymmetricSecurityKey(keys.EncryptionKey()) { KeyId = "roster-encryption-1" };
            options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
