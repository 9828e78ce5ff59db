using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Roster.Server.OAuth;

/// <summary>
/// One short line at Information for each refused authorization request, in place of OpenIddict's
/// own, which write the whole request (kilobytes that anyone can send without signing in) and are
/// kept at Warning by default (<see cref="Security.SecretSafeLogging"/>). The line names the error
/// and the client, each cut short, which is what an administrator asks about ("Okta says
/// invalid redirect_uri").
/// </summary>
public sealed partial class AuthorizationRefusalLog(ILogger<AuthorizationRefusalLog> logger) : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    private const int MaxShown = 64;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<AuthorizationRefusalLog>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(context.Error) && logger.IsEnabled(LogLevel.Information))
        {
            var error = Short(context.Error);
            var clientId = Short(context.Request?.ClientId);
            Refused(logger, error, clientId);
        }

        return ValueTask.CompletedTask;
    }

    private static string Short(string? text) =>
        string.IsNullOrEmpty(text) ? "(none)" : text.Length <= MaxShown ? text : text[..MaxShown] + "...";

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization request refused: {Error}, client {ClientId}")]
    private static partial void Refused(ILogger logger, string error, string clientId);
}
