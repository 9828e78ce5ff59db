using Roster.Scim.Errors;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// Endpoints of RFC 7644 that Roster does not serve yet answer with a SCIM error that says so,
/// as RFC 7644 section 3.11 allows.
/// </summary>
public static class UnsupportedEndpoints
{
    public static void MapUnsupportedEndpoints(this RouteGroupBuilder scim)
    {
        ArgumentNullException.ThrowIfNull(scim);
        scim.Map("/Me", () => new ScimErrorResult(ScimError.NotImplemented(
            "/Me is available only to users signed in through OAuth; a SCIM token has no user of its own.")));
    }
}
