using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Roster.Directory.Credentials;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Turns a freshly issued access token into one whose lifetime ended an hour ago, as it would be
/// after that hour: its JWT's dates (re-signed with Roster's own key) and the token entry in the
/// database (which the validation checks, and whose dates it trusts) both say it has expired.
/// </summary>
public static class ExpiredAccessToken
{
    public static async Task<string> ExpireAsync(IServiceProvider services, string issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var parts = issued.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])))!.AsObject();
        var issuedAt = DateTimeOffset.UtcNow.AddHours(-2);
        var expired = issuedAt.AddHours(1);

        using (var scope = services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var entry = await tokens.FindByIdAsync((string)payload["oi_tkn_id"]!)
                ?? throw new InvalidOperationException("The access token has no token entry.");
            var descriptor = new OpenIddictTokenDescriptor();
            await tokens.PopulateAsync(descriptor, entry);
            descriptor.CreationDate = issuedAt;
            descriptor.ExpirationDate = expired;
            await tokens.UpdateAsync(entry, descriptor);
        }

        payload["iat"] = issuedAt.ToUnixTimeSeconds();
        payload["nbf"] = issuedAt.ToUnixTimeSeconds();
        payload["exp"] = expired.ToUnixTimeSeconds();
        var key = new RsaSecurityKey(services.GetRequiredService<ServerKeys>().Load(Roster.Server.OAuth.OAuthServerSetup.KeyRetention).Signing(DateTimeOffset.UtcNow).CreateRsa()) { KeyId = (string?)header["kid"] };
        var headers = new Dictionary<string, object> { ["typ"] = (string)header["typ"]! };
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256), headers);
    }
}
