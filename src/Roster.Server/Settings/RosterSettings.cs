using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;
using Roster.Server.Deployment;
using Roster.Server.Health;
using Roster.Server.Hosting;
using Roster.Server.Keys;
using Roster.Server.OAuth;
using Roster.Server.Security;
using Roster.Server.Telemetry;
using Roster.Server.Throttling;

namespace Roster.Server.Settings;

/// <summary>
/// Every setting Roster reads, from its options classes: the one list that the start-up check,
/// <c>roster config check</c> and the configuration reference in docs/operations.md are made from.
/// A setting added to an options class is in all three; a test fails until the reference shows it.
/// </summary>
public static class RosterSettings
{
    /// <summary>The sections and the options class each binds to.</summary>
    public static IReadOnlyList<(string Section, Type Options)> Sections { get; } =
    [
        (RosterStorage.SectionName, typeof(StorageOptions)),
        (RosterServerOptions.SectionName, typeof(RosterServerOptions)),
        (DeploymentOptions.SectionName, typeof(DeploymentOptions)),
        (TransportSecurityOptions.SectionName, typeof(TransportSecurityOptions)),
        (RequestLimitsOptions.SectionName, typeof(RequestLimitsOptions)),
        (RequestRateLimitOptions.SectionName, typeof(RequestRateLimitOptions)),
        (CredentialThrottleOptions.SectionName, typeof(CredentialThrottleOptions)),
        (OAuthOptions.SectionName, typeof(OAuthOptions)),
        (KeysOptions.SectionName, typeof(KeysOptions)),
        (MailConfiguration.SectionName, typeof(MailSettings)),
        (Roster.Directory.Domains.DnsTxtResolverOptions.Section, typeof(DnsSettings)),
        (TelemetryOptions.SectionName, typeof(TelemetryOptions)),
        (ShutdownOptions.SectionName, typeof(ShutdownOptions)),
    ];

    /// <summary>Every setting, in the order of <see cref="Sections"/> and of each class's properties.</summary>
    public static IReadOnlyList<Setting> All { get; } = [.. Sections.SelectMany(s => Walk(s.Section, s.Options, Activator.CreateInstance(s.Options)!))];

    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validated at start with messages that name each setting.</summary>
    public static OptionsBuilder<TOptions> AddRosterOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section));
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>
    /// The keys under Roster's sections that no setting has (a typo, a setting of another version),
    /// which Roster would otherwise ignore without a word.
    /// </summary>
    public static IReadOnlyList<string> Unknown(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var known = All.Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lists = All.Where(s => s.IsList).Select(s => s.Key + ":").ToList();
        return
        [
            .. configuration.AsEnumerable()
                .Where(e => e.Value is not null)
                .Select(e => e.Key)
                .Where(k => (k.StartsWith("Roster:", StringComparison.OrdinalIgnoreCase) || k.StartsWith(RosterStorage.SectionName + ":", StringComparison.OrdinalIgnoreCase))
                    && !known.Contains(k)
                    && !lists.Any(l => k.StartsWith(l, StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.OrdinalIgnoreCase),
        ];
    }

    /// <summary>Whether a property of this type is a nested section rather than one setting.</summary>
    public static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static IEnumerable<Setting> Walk(string path, Type type, object instance)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = $"{path}:{property.Name}";
            var value = property.GetValue(instance);
            if (IsSection(property.PropertyType))
            {
                foreach (var nested in Walk(key, property.PropertyType, value ?? Activator.CreateInstance(property.PropertyType)!))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return new Setting(key, property, Default(value));
            }
        }
    }

    private static string Default(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
