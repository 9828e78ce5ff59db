using Roster.Scim.Errors;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// Endpoints of RFC 7644 that Roster does not serve yet answer with a SCIM error that says so,
/// matching what /ServiceProviderConfig advertises (bulk.supported = false).
/// </summary>
public static class UnsupportedEndpoints
{
    public static void MapUnsupportedEndpoints(this RouteGroupBuilder scim)
    {
        ArgumentNullException.ThrowIfNull(scim);
        scim.Map("/Bulk", () => new ScimErrorResult(ScimError.NotImplemented(
            "Bulk operations are not supported by this server (see /ServiceProviderConfig); send each operation on its own.")));
        scim.Map("/Me", () => new ScimErrorResult(ScimError.NotImplemented(
            "/Me is available only to users signed in through OAuth; a SCIM token has no user of its own.")));
    }
}
