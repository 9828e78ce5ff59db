namespace Roster.Server.Security;

/// <summary>
/// Keeps OpenIddict's logs short and free of secrets, whatever the logging configuration asks for:
/// <list type="bullet">
/// <item>At Trace OpenIddict writes every token it creates or validates (access and refresh tokens
/// whole, authorization code identifiers), so an operator chasing a problem with
/// <c>Logging:LogLevel:Default=Trace</c> would put live credentials in the logs: its categories
/// never go below Debug, whose messages name what happened without the tokens.</item>
/// <item>At Information OpenIddict writes each request and response whole, kilobytes that anyone can
/// send to <c>/auth/authorize</c> without signing in: unless the configuration names an
/// <c>OpenIddict</c> category, its level is Warning (Roster writes one short line per refused
/// authorization instead, <see cref="OAuth.AuthorizationRefusalLog"/>). Naming it,
/// <c>Logging:LogLevel:OpenIddict=Information</c>, turns its messages back on down to Debug.</item>
/// </list>
/// </summary>
public static class SecretSafeLogging
{
    private const string OpenIddict = "OpenIddict";

    public static IServiceCollection AddSecretSafeLogging(this IServiceCollection services) =>
        services.PostConfigure<LoggerFilterOptions>(Apply);

    /// <summary>
    /// Raises every rule for OpenIddict's categories to Debug at least, and gives every provider a
    /// rule for them (a provider's catch-all rule would otherwise apply, at whatever level it
    /// says): the level of the configuration's own OpenIddict rule when it has one, else Warning.
    /// </summary>
    public static void Apply(LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var providers = options.Rules.Select(rule => rule.ProviderName).Append(null).Distinct().ToList();
        var rules = options.Rules.Select(Floor).ToList();
        var named = rules.Where(rule => rule.ProviderName is null && rule.CategoryName == OpenIddict).Select(rule => rule.LogLevel).LastOrDefault();
        foreach (var provider in providers)
        {
            if (!rules.Any(rule => rule.ProviderName == provider && rule.CategoryName == OpenIddict))
            {
                var catchAll = rules.Where(rule => rule.ProviderName == provider && rule.CategoryName is null).Select(rule => rule.LogLevel).LastOrDefault() ?? options.MinLevel;
                rules.Add(new LoggerFilterRule(provider, OpenIddict, named ?? Max(catchAll, LogLevel.Warning), null));
            }
        }

        options.Rules.Clear();
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }
    }

    private static bool IsOpenIddict(string? category) => category is not null && category.StartsWith(OpenIddict, StringComparison.OrdinalIgnoreCase);

    private static LoggerFilterRule Floor(LoggerFilterRule rule) =>
        IsOpenIddict(rule.CategoryName)
            ? new LoggerFilterRule(rule.ProviderName, rule.CategoryName, Max(rule.LogLevel ?? LogLevel.Trace, LogLevel.Debug), rule.Filter)
            : rule;

    private static LogLevel Max(LogLevel level, LogLevel floor) => level < floor ? floor : level;
}
