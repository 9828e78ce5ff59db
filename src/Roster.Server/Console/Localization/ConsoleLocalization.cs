using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Roster.Directory.Employees;

namespace Roster.Server.Console.Localization;

/// <summary>
/// Which language the console speaks to a request: the signed-in person's own setting
/// (<see cref="PersonalLanguageProvider"/>), else the browser's <c>Accept-Language</c>, else
/// English. The SCIM API, the admin API and OAuth answer in English whatever is asked.
/// </summary>
public static class ConsoleLocalization
{
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [.. ConsoleLanguages.All.Select(CultureInfo.GetCultureInfo)];

    public static void Configure(RequestLocalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DefaultRequestCulture = new RequestCulture(ConsoleLanguages.English);
        options.SupportedCultures = [.. Cultures];
        options.SupportedUICultures = [.. Cultures];

        // ja-JP finds ja and zh-CN finds zh-Hans through their parents.
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders = [new PersonalLanguageProvider(), new AcceptLanguageHeaderRequestCultureProvider { Options = options }];
    }

    /// <summary>The culture of the request (<see cref="IRequestCultureFeature"/>), for code that runs outside the middleware's scope (status code pages).</summary>
    public static CultureInfo UiCulture(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo(ConsoleLanguages.English);
    }
}
