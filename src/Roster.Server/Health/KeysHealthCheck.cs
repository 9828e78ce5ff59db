using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Roster.Server.Health;

/// <summary>
/// Readiness of the keys: the OAuth server has its signing and encryption keys, and the
/// data-protection keys that sign console sessions and anti-forgery tokens protect and unprotect.
/// </summary>
public sealed class KeysHealthCheck(IOptionsMonitor<OpenIddictServerOptions> oauth, IDataProtectionProvider dataProtection) : IHealthCheck
{
    public const string Name = "keys";

    private const string ProbePurpose = "Roster.Health.Keys";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = oauth.CurrentValue;
        if (options.SigningCredentials.Count == 0 || options.EncryptionCredentials.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("OAuth keys not loaded"));
        }

        var protector = dataProtection.CreateProtector(ProbePurpose);
        var probe = Guid.NewGuid().ToString("N");
        return Task.FromResult(protector.Unprotect(protector.Protect(probe)) == probe
            ? HealthCheckResult.Healthy("ok")
            : HealthCheckResult.Unhealthy("data-protection keys unusable"));
    }
}
