using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Roster.Directory.Sso;
using Roster.Directory.Tenants;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Sso;

/// <summary>
/// Sign-in to the console through a tenant's OpenID Connect connection: <c>start</c> sends the
/// person to the IdP (authorization code with PKCE, state and nonce), <c>callback</c> takes the
/// IdP's answer. ASP.NET Core's <see cref="OpenIdConnectHandler"/> does the protocol with options
/// made for the connection at run time (<see cref="OidcHandlerOptions"/>): state protected for this
/// connection, the correlation and nonce cookies, the code exchange with the client secret and the
/// PKCE verifier, the ID token's signature (the issuer's JWKS), issuer, audience, expiry and nonce.
/// Only then does <see cref="SignInWithSso"/> match the person to a profile of this organization.
/// Every failure is a page that says what happened, never a 500.
/// </summary>
public static class OidcSignInEndpoints
{
    private const string OutcomeItem = "Roster.Sso.Outcome";

    public static void MapOidcSignIn(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var sso = app.MapGroup(SsoPaths.Root + "/{orgId:guid}/{connectionId:guid}").AllowAnonymous().ExcludeFromDescription();
        sso.MapGet("/start", StartAsync);
        sso.MapGet("/callback", CallbackAsync);
    }

    private static async Task<IResult> StartAsync(
        HttpContext context, Guid orgId, Guid connectionId, string? returnUrl, GetSsoConnection connections, OidcHandlerOptions handlerOptions, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var found = await FindAsync(connections, orgId, connectionId, cancellationToken, SsoProtocol.Saml);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        // One start address for every connection (the sign-in page links it): a SAML one sends an AuthnRequest.
        if (found.Connection!.Protocol == SsoProtocol.Saml)
        {
            return await SamlSignInEndpoints.StartAsync(context, orgId, found.Connection, found.Secret, IsLocal(returnUrl) ? returnUrl : null, cancellationToken);
        }

        var handler = await HandlerAsync(context, handlerOptions.For(orgId, found.Connection!, found.Secret), connectionId, loggers);
        var properties = new AuthenticationProperties
        {
            RedirectUri = IsLocal(returnUrl) ? returnUrl : ConsolePaths.Root,
        };
        try
        {
            await handler.ChallengeAsync(properties);
        }
        catch (InvalidOperationException e) when (!context.Response.HasStarted)
        {
            // The discovery document or the keys could not be read (IdentityModel wraps the cause).
            SsoLog.ProviderUnreachable(loggers.CreateLogger(typeof(OidcSignInEndpoints)), e, connectionId);
            return SsoPage.Refused(StatusCodes.Status502BadGateway, "Your identity provider cannot be reached",
                $"Roster could not read the configuration of '{found.Connection!.Name}' from its identity provider. Try again later, or ask an administrator to check the connection's issuer.");
        }

        return Results.Empty;
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, Guid orgId, Guid connectionId, GetSsoConnection connections, OidcHandlerOptions handlerOptions, SignInWithSso signIn, FindTenant findTenant,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var found = await FindAsync(connections, orgId, connectionId, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var handler = await HandlerAsync(context, handlerOptions.For(orgId, found.Connection!, found.Secret), connectionId, loggers);
        try
        {
            await handler.HandleRequestAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException && !context.Response.HasStarted)
        {
            SsoLog.ProviderUnreachable(loggers.CreateLogger(typeof(OidcSignInEndpoints)), e, connectionId);
            return SsoPage.Refused(StatusCodes.Status502BadGateway, "Your identity provider cannot be reached", "Roster could not complete the sign-in with your identity provider. Start again from the sign-in page.");
        }

        if (context.Items[OutcomeItem] is IResult failure)
        {
            return failure;
        }

        if (context.Items[OutcomeItem] is not OidcTicket ticket)
        {
            return SsoPage.Refused(StatusCodes.Status400BadRequest, "Sign-in not completed", "This address only takes your identity provider's answer. Start again from the sign-in page.");
        }

        var oidc = found.Connection!.Oidc!;
        var email = ticket.Principal.FindFirstValue(oidc.EmailClaim);
        if (string.IsNullOrWhiteSpace(email))
        {
            return SsoPage.Refused(StatusCodes.Status403Forbidden, "Sign-in refused",
                $"Your identity provider did not send your email (the claim '{oidc.EmailClaim}'), so Roster cannot tell who you are. Ask your administrator to release it to Roster's app.");
        }

        // An IdP that lets people type any email says so; such an email proves nothing.
        if (string.Equals(ticket.Principal.FindFirstValue("email_verified"), "false", StringComparison.OrdinalIgnoreCase))
        {
            return SsoPage.Refused(StatusCodes.Status403Forbidden, "Sign-in refused",
                $"Your identity provider says that the email {email} is not verified, so Roster cannot sign you in with it. Verify it with your identity provider first.");
        }

        var identity = new SsoIdentity(email, ticket.Principal.FindFirstValue(oidc.GivenNameClaim), ticket.Principal.FindFirstValue(oidc.FamilyNameClaim));
        var result = await signIn.ExecuteAsync(orgId, connectionId, identity, ConsoleAuthentication.IdleTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            return SsoPage.Refused(StatusCodes.Status403Forbidden, "Sign-in refused", result.Detail);
        }

        var tenant = await findTenant.ExecuteAsync(orgId, cancellationToken);
        if (tenant is null)
        {
            return NotFound();
        }

        await context.SignInAsync(ConsoleAuthentication.Scheme, ConsolePrincipal.Create(tenant, result.Employee, result.Permissions, result.SessionId), new AuthenticationProperties { IsPersistent = false });
        return Results.LocalRedirect(IsLocal(ticket.ReturnUrl) ? ticket.ReturnUrl! : ConsolePaths.Root);
    }

    /// <summary>Stores the handler's outcome for the endpoint: the checked identity, or a page for a failure.</summary>
    internal static OpenIdConnectEvents Events { get; } = new()
    {
        OnTicketReceived = context =>
        {
            context.HttpContext.Items[OutcomeItem] = new OidcTicket(context.Principal ?? new ClaimsPrincipal(), context.Properties?.RedirectUri);
            context.HandleResponse();
            return Task.CompletedTask;
        },
        OnAccessDenied = context =>
        {
            context.HttpContext.Items[OutcomeItem] = SsoPage.Refused(StatusCodes.Status403Forbidden, "Sign-in cancelled", "Your identity provider did not sign you in to Roster (access denied). Start again from the sign-in page.");
            context.HandleResponse();
            return Task.CompletedTask;
        },
        OnRemoteFailure = context =>
        {
            // The handler's message can name the IdP's error, never a secret: logged, and the page says it plainly.
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignInEndpoints));
            SsoLog.SignInRefused(logger, context.Failure);
            context.HttpContext.Items[OutcomeItem] = SsoPage.Refused(StatusCodes.Status400BadRequest, "Sign-in not completed",
                "Roster could not accept this answer from your identity provider: it was used already, changed on the way, came too late, or belongs to another sign-in. Start again from the sign-in page.");
            context.HandleResponse();
            return Task.CompletedTask;
        },
    };

    private static async Task<(SsoConnection? Connection, string? Secret, IResult? Problem)> FindAsync(
        GetSsoConnection connections, Guid orgId, Guid connectionId, CancellationToken cancellationToken, SsoProtocol also = SsoProtocol.OpenIdConnect)
    {
        var found = await connections.WithSecretAsync(orgId, connectionId, cancellationToken);
        if (found is not { } row || (row.Connection.Protocol != SsoProtocol.OpenIdConnect && row.Connection.Protocol != also))
        {
            return (null, null, NotFound());
        }

        if (!row.Connection.Enabled)
        {
            return (null, null, SsoPage.Refused(StatusCodes.Status403Forbidden, "Connection turned off",
                $"The single sign-on connection '{row.Connection.Name}' is turned off. Sign in from the sign-in page, or ask an administrator to turn it on."));
        }

        return (row.Connection, row.Secret, null);
    }

    private static async Task<OpenIdConnectHandler> HandlerAsync(HttpContext context, OpenIdConnectOptions options, Guid connectionId, ILoggerFactory loggers)
    {
        var handler = new OpenIdConnectHandler(new FixedOptionsMonitor<OpenIdConnectOptions>(options), loggers, HtmlEncoder.Default, UrlEncoder.Default);
        await handler.InitializeAsync(new AuthenticationScheme(OidcHandlerOptions.SchemeName(connectionId), null, typeof(OpenIdConnectHandler)), context);
        return handler;
    }

    private static IResult NotFound() => SsoPage.Refused(StatusCodes.Status404NotFound, "No such sign-in",
        "There is no single sign-on connection at this address. Start again from the sign-in page.");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private sealed record OidcTicket(ClaimsPrincipal Principal, string? ReturnUrl);
}
