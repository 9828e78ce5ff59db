using Microsoft.Extensions.DependencyInjection.Extensions;
using Roster.Directory.Sso;

namespace Roster.Server.Console.Sso;

/// <summary>Single sign-on's services: the deployment's <c>Roster:Sso</c> settings and the per-connection OpenID Connect options.</summary>
public static class SsoServiceCollectionExtensions
{
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first needed: a host (a test) may add configuration after services are registered.
        services.Replace(ServiceDescriptor.Singleton(_ => configuration.GetSection(SsoOptions.SectionName).Get<SsoOptions>() ?? new SsoOptions()));
        services.TryAddSingleton<OidcHandlerOptions>();
        services.TryAddSingleton<SamlMetadataFetcher>();
        services.TryAddSingleton<SamlMetadataImport>();
        return services;
    }
}
