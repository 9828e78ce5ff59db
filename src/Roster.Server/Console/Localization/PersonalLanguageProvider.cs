using Microsoft.AspNetCore.Localization;
using Roster.Directory.Employees;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Localization;

/// <summary>The language the signed-in person chose (their profile's <c>preferredLanguage</c>), read each request with their permissions.</summary>
public sealed class PersonalLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var language = ConsoleLanguages.Match(httpContext.User.PreferredLanguage());
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }
}
