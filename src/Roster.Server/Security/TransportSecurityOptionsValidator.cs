using Microsoft.Extensions.Options;

namespace Roster.Server.Security;

/// <summary>Refuses a trusted proxy that is neither an address nor a network, naming it.</summary>
public sealed class TransportSecurityOptionsValidator : IValidateOptions<TransportSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, TransportSecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.TrustedProxies
            .Where(p => Telemetry.ScrapeAccess.TryParse(p) is null)
            .Select(p => $"{TransportSecurityOptions.SectionName}:TrustedProxies has \"{p}\", which is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
