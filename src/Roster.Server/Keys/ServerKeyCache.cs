using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;
using OpenIddict.Validation;
using Roster.Directory.Credentials;
using Roster.Server.OAuth;

namespace Roster.Server.Keys;

/// <summary>
/// The OAuth keys this node uses now, and the signals that rebuild OpenIddict's options when they
/// change (a rotated key appears, starts signing, or an old one drops out). <see cref="Refresh"/>
/// rereads the database; a failed read (the database between two primaries, say) keeps the keys
/// the node has. The server's options are rebuilt first: the validation's copy the server's keys
/// as they are built.
/// </summary>
public sealed class ServerKeyCache(ServerKeys keys, TimeProvider time)
    : IOptionsChangeTokenSource<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictValidationOptions>, IDisposable
{
    private readonly Lock _lock = new();
    private ServerKeyRing? _ring;
    private string? _fingerprint;
    private CancellationTokenSource _serverChanged = new();
    private CancellationTokenSource _validationChanged = new();

    public string? Name => Options.DefaultName;

    /// <summary>The keys, read on first use.</summary>
    public ServerKeyRing Ring
    {
        get
        {
            lock (_lock)
            {
                if (_ring is null)
                {
                    _ring = keys.Load(OAuthServerSetup.KeyRetention);
                    _fingerprint = _ring.Fingerprint(time.GetUtcNow());
                }

                return _ring;
            }
        }
    }

    /// <summary>Rereads the keys; when what counts now differs from what OpenIddict has, signals the change.</summary>
    public void Refresh()
    {
        var ring = keys.Load(OAuthServerSetup.KeyRetention);
        var fingerprint = ring.Fingerprint(time.GetUtcNow());
        CancellationTokenSource server, validation;
        lock (_lock)
        {
            if (fingerprint == _fingerprint)
            {
                return;
            }

            _ring = ring;
            _fingerprint = fingerprint;
            (server, _serverChanged) = (_serverChanged, new CancellationTokenSource());
            (validation, _validationChanged) = (_validationChanged, new CancellationTokenSource());
        }

        // An options monitor rebuilds its options inside the signal: the server's must be new
        // before the validation's copy their keys.
        // The old sources are not disposed: a monitor may still be registering on their tokens.
        server.Cancel();
        validation.Cancel();
    }

    IChangeToken IOptionsChangeTokenSource<OpenIddictServerOptions>.GetChangeToken()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_serverChanged.Token);
        }
    }

    IChangeToken IOptionsChangeTokenSource<OpenIddictValidationOptions>.GetChangeToken()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_validationChanged.Token);
        }
    }

    public void Dispose()
    {
        _serverChanged.Dispose();
        _validationChanged.Dispose();
    }
}
