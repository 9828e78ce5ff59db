using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Roster.Server.OAuth;

/// <summary>OAuth error answers written by OpenIddict (RFC 6749 §5.2 bodies), with a description a person can act on.</summary>
public static class OAuthResults
{
    public static IResult Error(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
