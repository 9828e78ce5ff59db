using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Roster.Directory.Sso;
using Roster.Directory.Tenants;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Sso;

/// <summary>
/// Sign-in to the console through a tenant's SAML 2.0 connection (Web Browser SSO profile):
/// <c>start</c> (shared with OpenID Connect) sends an AuthnRequest with the HTTP-Redirect binding,
/// its ID kept in the database so that any node can match the answer; <c>saml/acs</c> takes the
/// IdP's response (HTTP-POST binding), which <see cref="SamlResponseReader"/> checks, then the
/// request it answers is used up, the assertion's ID is recorded so that no node accepts it
/// again, and <see cref="SignInWithSso"/> matches the person as for OpenID Connect;
/// <c>saml/metadata</c> is Roster's SP metadata. Every refusal is a page and a log line with the
/// reason.
/// </summary>
public static class SamlSignInEndpoints
{
    /// <summary>The largest body the ACS reads: a response of <see cref="SamlResponseReader.MaxResponseBytes"/> in base64, form-encoded, and a RelayState.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static void MapSamlSignIn(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var saml = app.MapGroup(SsoPaths.Root + "/{orgId:guid}/{connectionId:guid}/saml").AllowAnonymous().ExcludeFromDescription();
        saml.MapGet("/metadata", MetadataAsync);

        // A cross-site POST from the IdP by design: what protects it is the signed response, its
        // InResponseTo and its one use, not an anti-forgery token Roster could not have given the IdP.
        saml.MapPost("/acs", AcsAsync).DisableAntiforgery();
    }

    /// <summary>Sends the browser to the IdP with a new AuthnRequest; its RelayState is the request's ID, the page to return to stays on the server.</summary>
    internal static async Task<IResult> StartAsync(HttpContext context, Guid orgId, SsoConnection connection, string? signingKey, string? returnUrl, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var saml = connection.Saml!;
        if (saml.SignRequests && signingKey is null)
        {
            var logger = Logger(context);
            SsoLog.SamlSigningKeyUnreadable(logger, connection.Id);
            return SsoPage.Refused(StatusCodes.Status503ServiceUnavailable, "Sign-in unavailable",
                $"Roster cannot sign its requests to '{connection.Name}' right now. Try again later, or ask an administrator to check the connection.");
        }

        var sp = SamlServiceProvider.For(services.GetRequiredService<DeploymentUrls>().PublicBaseUrl(context.Request), orgId, connection.Id);
        var requestId = await services.GetRequiredService<SamlRequests>().StartAsync(orgId, connection.Id, returnUrl, cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return Results.Redirect(SamlAuthnRequest.RedirectUrl(saml, sp, requestId, requestId, signingKey, now));
    }

    private static async Task<IResult> MetadataAsync(HttpContext context, Guid orgId, Guid connectionId, GetSsoConnection connections, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        var connection = await connections.ExecuteAsync(orgId, connectionId, cancellationToken);
        if (connection?.Saml is not { } saml)
        {
            return NotFound();
        }

        var sp = SamlServiceProvider.For(urls.PublicBaseUrl(context.Request), orgId, connectionId);
        return Results.Content(SamlSpMetadata.Write(saml, sp), "application/samlmetadata+xml; charset=utf-8");
    }

    private static async Task<IResult> AcsAsync(
        HttpContext context, Guid orgId, Guid connectionId, GetSsoConnection connections, SamlRequests requests, SamlAssertions assertions, SignInWithSso signIn,
        FindTenant findTenant, DeploymentUrls urls, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = await connections.ExecuteAsync(orgId, connectionId, cancellationToken);
        if (connection?.Saml is not { } saml)
        {
            return NotFound();
        }

        if (!connection.Enabled)
        {
            return SsoPage.Refused(StatusCodes.Status403Forbidden, "Connection turned off",
                $"The single sign-on connection '{connection.Name}' is turned off. Sign in from the sign-in page, or ask an administrator to turn it on.");
        }

        var (samlResponse, relayState, tooLarge) = await ReadFormAsync(context, cancellationToken);
        if (tooLarge)
        {
            return Refuse(context, connectionId, "body too large", StatusCodes.Status413PayloadTooLarge,
                "This answer from your identity provider is larger than Roster accepts. Start again from the sign-in page; if it happens again, tell your administrator.");
        }

        var sp = SamlServiceProvider.For(urls.PublicBaseUrl(context.Request), orgId, connectionId);
        var (facts, rejection) = SamlResponseReader.Read(samlResponse, saml, sp, time.GetUtcNow());
        if (rejection is not null)
        {
            return Refuse(context, connectionId, rejection.Reason, StatusCodes.Status400BadRequest, rejection.Detail);
        }

        string? returnUrl = null;
        if (facts!.InResponseTo is not { } requestId)
        {
            if (!saml.AllowIdpInitiated)
            {
                return Refuse(context, connectionId, "IdP-initiated response not allowed", StatusCodes.Status403Forbidden,
                    "Your identity provider signed you in without Roster asking (IdP-initiated), which this connection does not accept. Start from Roster's sign-in page instead.");
            }
        }
        else
        {
            // Roster sent the request's ID as RelayState: an answer must come back with it.
            if (relayState != requestId)
            {
                return Refuse(context, connectionId, "RelayState is not the request's", StatusCodes.Status400BadRequest, Again);
            }

            var (found, pageAfter) = await requests.TakeAsync(orgId, connectionId, requestId, cancellationToken);
            if (!found)
            {
                return Refuse(context, connectionId, "InResponseTo names no pending request of this connection", StatusCodes.Status400BadRequest, Again);
            }

            returnUrl = pageAfter;
        }

        if (!await assertions.UseAsync(orgId, facts.AssertionId, facts.ReplayableUntil, cancellationToken))
        {
            return Refuse(context, connectionId, "assertion used already", StatusCodes.Status400BadRequest, Again);
        }

        var result = await signIn.ExecuteAsync(orgId, connectionId, facts.Identity, ConsoleAuthentication.IdleTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            return Refuse(context, connectionId, "person refused: " + result.Refusal.Value.ToString(), StatusCodes.Status403Forbidden, result.Detail);
        }

        var tenant = await findTenant.ExecuteAsync(orgId, cancellationToken);
        if (tenant is null)
        {
            return NotFound();
        }

        await context.SignInAsync(ConsoleAuthentication.Scheme, ConsolePrincipal.Create(tenant, result.Employee, result.Permissions, result.SessionId), new AuthenticationProperties { IsPersistent = false });
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : ConsolePaths.Root);
    }

    private const string Again = "Roster could not accept this answer from your identity provider: it was used already, came too late, or belongs to another sign-in. Start again from the sign-in page.";

    // The body is limited before it is read: a larger one is refused, not parsed.
    private static async Task<(string? SamlResponse, string? RelayState, bool TooLarge)> ReadFormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, null, true);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (!context.Request.HasFormContentType)
        {
            return (null, null, false);
        }

        try
        {
            var form = await context.Request.ReadFormAsync(new FormOptions { ValueCountLimit = 16, KeyLengthLimit = 64, ValueLengthLimit = MaxBodyBytes }, cancellationToken);
            return (form["SAMLResponse"].Count == 1 ? form["SAMLResponse"][0] : null, form["RelayState"].Count == 1 ? form["RelayState"][0] : null, false);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return (null, null, true);
        }
    }

    private static IResult Refuse(HttpContext context, Guid connectionId, string reason, int status, string detail)
    {
        var logger = Logger(context);
        SsoLog.SamlResponseRefused(logger, connectionId, reason);
        return SsoPage.Refused(status, "Sign-in refused", detail);
    }

    private static ILogger Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SamlSignInEndpoints));

    private static IResult NotFound() => SsoPage.Refused(StatusCodes.Status404NotFound, "No such sign-in",
        "There is no single sign-on connection at this address. Start again from the sign-in page.");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
