using Roster.Directory.Administration;

namespace Roster.Directory.Domains;

/// <summary>The domain use cases' errors.</summary>
internal static class DomainErrors
{
    public static AdminError NotFound(Guid id) => AdminError.NotFound($"There is no domain {id} in this organization.");

    public static AdminError Invalid(string? text) =>
        AdminError.Validation($"'{text}' is not a domain name; give a host name such as 'example.com' (internationalised names are accepted).");

    public static AdminError Taken(string domain) => AdminError.Conflict($"The domain '{domain}' is already added to this organization.");
}
