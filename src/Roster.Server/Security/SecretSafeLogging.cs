namespace Roster.Server.Security;

/// <summary>
/// Keeps OpenIddict's trace logs off, whatever the logging configuration asks for: at the Trace
/// level OpenIddict writes every token it creates or validates (access and refresh tokens whole,
/// authorization code identifiers), so an operator chasing a problem with
/// <c>Logging:LogLevel:Default=Trace</c> would put live credentials in the logs. Its Debug
/// messages, which name what happened without the tokens, stay available.
/// </summary>
public static class SecretSafeLogging
{
    private const string OpenIddict = "OpenIddict";

    public static IServiceCollection AddSecretSafeLogging(this IServiceCollection services) =>
        services.PostConfigure<LoggerFilterOptions>(Apply);

    /// <summary>
    /// Raises every rule for OpenIddict's categories to Debug at least, and gives every provider a
    /// rule for them (a provider's catch-all rule would otherwise apply, at whatever level it says).
    /// </summary>
    public static void Apply(LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var providers = options.Rules.Select(rule => rule.ProviderName).Append(null).Distinct().ToList();
        var rules = options.Rules.Select(Floor).ToList();
        foreach (var provider in providers)
        {
            if (!rules.Any(rule => rule.ProviderName == provider && rule.CategoryName == OpenIddict))
            {
                var level = rules.Where(rule => rule.ProviderName == provider && rule.CategoryName is null).Select(rule => rule.LogLevel).LastOrDefault() ?? options.MinLevel;
                rules.Add(new LoggerFilterRule(provider, OpenIddict, Max(level, LogLevel.Debug), null));
            }
        }

        options.Rules.Clear();
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }
    }

    private static LoggerFilterRule Floor(LoggerFilterRule rule) =>
        rule.CategoryName is { } category && category.StartsWith(OpenIddict, StringComparison.OrdinalIgnoreCase)
            ? new LoggerFilterRule(rule.ProviderName, category, Max(rule.LogLevel ?? LogLevel.Trace, LogLevel.Debug), rule.Filter)
            : rule;

    private static LogLevel Max(LogLevel level, LogLevel floor) => level < floor ? floor : level;
}
