using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Roster.Directory.Credentials;

/// <summary>
/// Access keys and app registrations as OAuth clients of Roster's OpenIddict server: their
/// client secrets are hashed by OpenIddict, their tokens and consents live in OpenIddict's
/// tables in Roster's database (ARCHITECTURE decisions 6 and 7). OpenIddict's managers are
/// scoped services; each call here runs in a scope of its own.
/// </summary>
public sealed class OAuthClientRegistry(IServiceScopeFactory scopes)
{
    public async Task RegisterAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    /// <summary>Replaces the client's redirect URLs; its secret, type and permissions stay as they are.</summary>
    public async Task SetRedirectUrisAsync(string clientId, IReadOnlyList<string> redirectUris, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException($"The OAuth client {clientId} of an app registration is missing.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(redirectUris.Select(r => new Uri(r)));

        // The descriptor holds the stored secret hash as it is; OpenIddict re-hashes only a changed secret.
        await applications.UpdateAsync(application, descriptor, cancellationToken);
    }

    /// <summary>Revokes every token and consent of the client; its secret keeps working for new requests.</summary>
    public async Task<long> RevokeGrantsAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return 0;
        }

        var id = await applications.GetIdAsync(application, cancellationToken);
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var revoked = 0L;
        await foreach (var authorization in authorizations.FindByApplicationIdAsync(id!, cancellationToken))
        {
            if (await authorizations.TryRevokeAsync(authorization, cancellationToken))
            {
                revoked++;
            }
        }

        await foreach (var token in tokens.FindByApplicationIdAsync(id!, cancellationToken))
        {
            await tokens.TryRevokeAsync(token, cancellationToken);
        }

        return revoked;
    }

    /// <summary>Deletes the client with its tokens and consents; nothing issued to it works afterwards.</summary>
    public async Task DeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        await RevokeGrantsAsync(clientId, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }
    }
}
