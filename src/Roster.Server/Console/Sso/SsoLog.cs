namespace Roster.Server.Console.Sso;

/// <summary>What single sign-on logs: why a sign-in failed, for the operator (the person sees a plain page).</summary>
internal static partial class SsoLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "The OpenID provider of SSO connection {ConnectionId} could not be reached.")]
    public static partial void ProviderUnreachable(ILogger logger, Exception exception, Guid connectionId);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "An OpenID Connect sign-in was refused.")]
    public static partial void SignInRefused(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "A SAML response to SSO connection {ConnectionId} was refused: {Reason}.")]
    public static partial void SamlResponseRefused(ILogger logger, Guid connectionId, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "The SAML signing key of SSO connection {ConnectionId} cannot be decrypted; its AuthnRequests cannot be signed.")]
    public static partial void SamlSigningKeyUnreadable(ILogger logger, Guid connectionId);
}
