using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Roster.Scim.Errors;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;
using Roster.Server.Authentication;
using Roster.Server.Scim.Http;
using Roster.Server.Settings;

namespace Roster.Server.Throttling;

/// <summary>
/// Request rates of the SCIM API and the admin API (<see cref="RequestRateLimitOptions"/>): after
/// authentication, each request takes a token from its credential's bucket, then from its
/// tenant's; a request without a valid credential takes one from its address's bucket instead,
/// so bad tokens never spend a tenant's budget. A refusal is a 429 with <c>Retry-After</c> and a
/// SCIM error or ProblemDetails that names the limit. The console and <c>/auth/token</c> are not
/// counted here (<see cref="CredentialThrottling"/> guards the places that take a secret).
/// </summary>
public static class RequestRateLimiting
{
    public static IServiceCollection AddRequestRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRosterOptions<RequestRateLimitOptions>(configuration, RequestRateLimitOptions.SectionName);
        return services;
    }

    /// <summary>Goes after authentication (the partitions are the authenticated credential and tenant), before authorization.</summary>
    public static WebApplication UseRequestRateLimiting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limits = app.Services.GetRequiredService<IOptions<RequestRateLimitOptions>>().Value;
        if (!limits.Enabled)
        {
            return app;
        }

        var perCaller = PartitionedRateLimiter.Create<HttpContext, string>(c => CallerOf(c) switch
        {
            { Credential: { } credential } => RateLimitPartition.GetTokenBucketLimiter("credential|" + credential, _ => Bucket(limits.PerCredentialPerSecond, limits.PerCredentialBurst)),
            { Address: { } address } => RateLimitPartition.GetTokenBucketLimiter("address|" + address, _ => Bucket(limits.UnauthenticatedPerAddressPerSecond, limits.UnauthenticatedPerAddressBurst)),
            _ => RateLimitPartition.GetNoLimiter(""),
        });
        var perTenant = PartitionedRateLimiter.Create<HttpContext, string>(c => CallerOf(c) is { Tenant: { } tenant }
            ? RateLimitPartition.GetTokenBucketLimiter(tenant, _ => Bucket(limits.PerTenantPerSecond, limits.PerTenantBurst))
            : RateLimitPartition.GetNoLimiter(""));

        // The caller's bucket first, in a limiter of its own: a refusal there ends the request, so a
        // credential over its own limit spends nothing of its tenant's and the tenant's other
        // credentials keep it; and each refusal names the limit that refused it.
        app.UseRateLimiter(new RateLimiterOptions
        {
            GlobalLimiter = perCaller,
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, tenantLimit: false, limits, cancellationToken),
        });
        app.UseRateLimiter(new RateLimiterOptions
        {
            GlobalLimiter = perTenant,
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, tenantLimit: true, limits, cancellationToken),
        });
        return app;
    }

    /// <summary>
    /// Who a request counts against: its credential and tenant, or its address when it has no
    /// valid credential; null for what these limits do not cover.
    /// </summary>
    private static Caller? CallerOf(HttpContext context)
    {
        var path = context.Request.Path;
        var user = context.User;
        if (ScimPaths.IsScim(path))
        {
            return user.FindFirst(ScimBearerDefaults.TenantClaim)?.Value is { } tenant && user.FindFirst(ScimBearerDefaults.CredentialClaim)?.Value is { } credential
                ? new Caller("scim:" + credential, tenant, null)
                : new Caller(null, null, TooManyRequests.ClientAddress(context));
        }

        // Failed operator keys spend their address's bucket, as bad SCIM tokens and passwords do.
        if (Operators.OperatorPaths.IsOperator(path))
        {
            return user.FindFirst(Operators.OperatorKeyDefaults.KeyClaim)?.Value is { } key
                ? new Caller("operator:" + key, null, null)
                : new Caller(null, null, TooManyRequests.ClientAddress(context));
        }

        if (AdminPaths.IsAdmin(path))
        {
            return user.FindFirst(AdminBasicDefaults.TenantClaim)?.Value is { } tenant && user.FindFirst(AdminBasicDefaults.EmployeeClaim)?.Value is { } employee
                ? new Caller("admin:" + employee, tenant, null)
                : new Caller(null, null, TooManyRequests.ClientAddress(context));
        }

        return null;
    }

    /// <summary>
    /// A bucket of <paramref name="burst"/> tokens refilled ten times a second, so a client paced
    /// at the rate never waits for a whole second's tokens.
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst)
    {
        var tokens = Math.Min(Math.Max(1, perSecond / 10), burst);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokens / perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, bool tenantLimit, RequestRateLimitOptions limits, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = TooManyRequests.Refuse(rejected, TimeSpan.FromSeconds(1));
        var (who, rate, burst) = CallerOf(context) switch
        {
            _ when tenantLimit => ("this organization (all its credentials together)", limits.PerTenantPerSecond, limits.PerTenantBurst),
            { Credential: null } => ("requests without a valid credential from this address", limits.UnauthenticatedPerAddressPerSecond, limits.UnauthenticatedPerAddressBurst),
            _ => ("this credential", limits.PerCredentialPerSecond, limits.PerCredentialBurst),
        };
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"Too many requests: the limit for {who} is {rate:N0} a second with bursts of {burst:N0}. Try again in {seconds} second{(seconds == 1 ? "" : "s")} (Retry-After).");
        if (ScimPaths.IsScim(context.Request.Path))
        {
            await ScimErrorResult.WriteAsync(context, new ScimError(HttpStatusCode.TooManyRequests, null, detail));
            return;
        }

        await TooManyRequests.WriteProblemAsync(context, "Too many requests", detail, cancellationToken);
    }

    private sealed record Caller(string? Credential, string? Tenant, string? Address);
}
