using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Roster.Server.OAuth;

/// <summary>
/// OpenIddict answers an unknown client_id ("The specified 'client_id' is invalid.", ID2052) and a
/// known one with a wrong secret ("The specified client credentials are invalid.", ID2055)
/// differently, so anyone could learn which access key IDs and app client IDs exist, in any
/// organization. Both become one answer at the token and revocation endpoints. Roster's own
/// refusals (a deactivated key, a deactivated person) come after the secret was checked and are
/// left as they are: only the secret's holder sees them.
/// </summary>
public sealed class UnknownAndWrongClientsLookAlike :
    IOpenIddictServerHandler<ApplyTokenResponseContext>,
    IOpenIddictServerHandler<ApplyRevocationResponseContext>
{
    public const string Description = "The client credentials are not valid.";

    /// <summary>OpenIddict's pages for "unknown client_id" and "wrong client secret".</summary>
    private static readonly string[] TellingErrors = ["https://documentation.openiddict.com/errors/ID2052", "https://documentation.openiddict.com/errors/ID2055"];

    public static OpenIddictServerHandlerDescriptor TokenDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<UnknownAndWrongClientsLookAlike>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor RevocationDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyRevocationResponseContext>()
            .UseSingletonHandler<UnknownAndWrongClientsLookAlike>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Blur(context.Response);
        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(ApplyRevocationResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Blur(context.Response);
        return ValueTask.CompletedTask;
    }

    private static void Blur(OpenIddictResponse response)
    {
        if (response.Error == OpenIddictConstants.Errors.InvalidClient && TellingErrors.Contains(response.ErrorUri, StringComparer.Ordinal))
        {
            response.ErrorDescription = Description;
            response.ErrorUri = null;
        }
    }
}
