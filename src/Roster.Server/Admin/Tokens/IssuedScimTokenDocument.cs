using Roster.Directory.Tokens;

namespace Roster.Server.Admin.Tokens;

/// <summary>The answer to <c>POST /scim-tokens</c>: the only document that ever holds the token's text.</summary>
public sealed record IssuedScimTokenDocument(Guid Id, string Name, string Token, Guid? OwnerId, DateTimeOffset Created, DateTimeOffset? Expires)
{
    public static IssuedScimTokenDocument From(IssuedScimToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.Name, token.Token, token.OwnerId, token.Created, token.Expires);
    }
}
