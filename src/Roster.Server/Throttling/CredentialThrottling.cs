using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Roster.Server.Console;
using Roster.Server.OAuth;
using Roster.Server.Settings;

namespace Roster.Server.Throttling;

/// <summary>
/// Brute-force protection on the places that take a secret from anyone, the token endpoint, the
/// console's sign-in and the setup link's form (limited like the sign-in); on the unlock-link request, which sends email; and on the authorize
/// endpoint, which anyone may call before signing in. ASP.NET Core's rate limiter, one fixed
/// one-minute window per client_id (or email) and address, and one per address (the authorize
/// endpoint: per address only); a refused request is a 429 with <c>Retry-After</c> and a body
/// that says when to try again, before OpenIddict or any page reads it. Everything else passes
/// untouched.
/// </summary>
public static class CredentialThrottling
{
    private const string KeyItem = "roster:throttle-key";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCredentialThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRosterOptions<CredentialThrottleOptions>(configuration, CredentialThrottleOptions.SectionName);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CredentialThrottleOptions>>((limiter, throttle) =>
        {
            var limits = throttle.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, perSecret: true, limits)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, perSecret: false, limits)));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// Reads the client_id or email of a throttled request (the form is buffered, so OpenIddict and
    /// Razor Pages read it again), then limits. Only the throttled paths enter the limiter: every
    /// other request (a SCIM or admin call) would only take a lease from a partition without a
    /// limit, which costs a lock and allocations per request and limits nothing.
    /// </summary>
    public static WebApplication UseCredentialThrottling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(static c => KindOf(c.Request) is not null, Throttle);
        return app;
    }

    private static void Throttle(IApplicationBuilder throttled)
    {
        throttled.Use(async (context, next) =>
        {
            if (KindOf(context.Request) is { } kind and not Kind.Authorize && context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    var secretName = kind == Kind.Token ? ClientIdOf(context.Request, form) : form["Email"].ToString().Trim().ToLowerInvariant();
                    context.Items[KeyItem] = secretName;
                }
                catch (InvalidDataException e)
                {
                    // A form over the reader's limits (too many fields, a value too long) is unreadable
                    // for OpenIddict and the sign-in page too: answer it here, as the bad request it is.
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.Response.WriteAsJsonAsync(
                        new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = $"The form could not be read: {e.Message}" },
                        context.RequestAborted);
                    return;
                }
            }

            await next(context);
        });
        throttled.UseRateLimiter();
    }

    private enum Kind
    {
        Token,
        SignIn,
        Unlock,
        Setup,
        Authorize,
    }

    private static Kind? KindOf(HttpRequest request) =>
        request.Path.Equals("/" + OAuthServerSetup.AuthorizePath, StringComparison.OrdinalIgnoreCase) ? Kind.Authorize
        : !HttpMethods.IsPost(request.Method) ? null
        : request.Path.Equals("/" + OAuthServerSetup.TokenPath, StringComparison.OrdinalIgnoreCase) ? Kind.Token
        : request.Path.Equals(ConsoleAuthentication.SignInPath, StringComparison.OrdinalIgnoreCase) ? Kind.SignIn
        : request.Path.Equals(ConsoleAuthentication.UnlockRequestPath, StringComparison.OrdinalIgnoreCase) ? Kind.Unlock
        : request.Path.Equals(ConsolePaths.Setup, StringComparison.OrdinalIgnoreCase) ? Kind.Setup
        : null;

    private static RateLimitPartition<string> Partition(HttpContext context, bool perSecret, CredentialThrottleOptions limits)
    {
        if (KindOf(context.Request) is not { } kind)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        if (kind == Kind.Authorize && perSecret)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var address = TooManyRequests.ClientAddress(context);
        var limit = (kind, perSecret) switch
        {
            (Kind.Authorize, _) => limits.AuthorizePerAddress,
            (Kind.Token, true) => limits.TokenPerClient,
            (Kind.Token, false) => limits.TokenPerAddress,
            (_, true) => limits.SignInPerAccount,
            _ => limits.SignInPerAddress,
        };
        var key = perSecret ? $"{kind}|{address}|{context.Items[KeyItem]}" : $"{kind}|{address}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0 });
    }

    private static string ClientIdOf(HttpRequest request, IFormCollection form)
    {
        var posted = form["client_id"].ToString();
        if (posted.Length > 0)
        {
            return posted;
        }

        // HTTP Basic client authentication: the client_id is the user name (RFC 6749 §2.3.1).
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                return WebUtility.UrlDecode(decoded.Split(':', 2)[0]);
            }
            catch (FormatException)
            {
                return "";
            }
        }

        return "";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = TooManyRequests.Refuse(rejected, Window);
        var kind = KindOf(rejected.HttpContext.Request);
        if (kind == Kind.Authorize)
        {
            await TooManyRequests.WriteProblemAsync(
                rejected.HttpContext, "Too many authorization requests", $"Too many authorization requests from here; try again in {seconds} seconds.", cancellationToken);
            return;
        }

        if (kind == Kind.Token)
        {
            await rejected.HttpContext.Response.WriteAsJsonAsync(
                new Dictionary<string, string>
                {
                    ["error"] = "temporarily_unavailable",
                    ["error_description"] = $"Too many token requests; try again in {seconds} seconds.",
                },
                cancellationToken);
            return;
        }

        var what = kind switch
        {
            Kind.Unlock => "unlock requests",
            Kind.Setup => "setup link attempts",
            _ => "sign-in attempts",
        };
        await TooManyRequests.WriteProblemAsync(
            rejected.HttpContext, $"Too many {what}", $"Too many {what} from here; try again in {seconds} seconds.", cancellationToken);
    }
}
