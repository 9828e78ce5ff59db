using Roster.Directory.AccessKeys;
using Roster.Directory.Tokens;

namespace Roster.Server.Console.Activity;

/// <summary>Names the credentials a console page shows (SCIM tokens and access keys of the tenant), by id.</summary>
public sealed class CredentialNames(ListScimTokens tokens, ListAccessKeys accessKeys)
{
    public async Task<IReadOnlyDictionary<Guid, CredentialName>> ReadAsync(Guid tenantId, IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().ToHashSet();
        var named = new Dictionary<Guid, CredentialName>();
        if (wanted.Count == 0)
        {
            return named;
        }

        foreach (var token in (await tokens.ExecuteAsync(tenantId, cancellationToken)).Where(t => wanted.Contains(t.Id)))
        {
            named[token.Id] = new CredentialName(true, token.Name, token.OwnerUserName, token.OwnerId);
        }

        if (named.Count < wanted.Count)
        {
            foreach (var key in (await accessKeys.ExecuteAsync(tenantId, null, cancellationToken)).Where(k => wanted.Contains(k.Id)))
            {
                named[key.Id] = new CredentialName(false, key.KeyId, key.OwnerUserName, key.OwnerId);
            }
        }

        return named;
    }
}
