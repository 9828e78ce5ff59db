using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Localization;

namespace Roster.Server.Console;

/// <summary>Registers the web console: its Razor Pages, its cookie sign-in, its permission policies and anti-forgery.</summary>
public static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddRosterConsole(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Console/Pages";
                o.Conventions.AuthorizeFolder("/", ConsoleAuthentication.Policy);
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/SecondFactor");
                o.Conventions.AllowAnonymousToPage("/SecondFactorEnrolment");
                o.Conventions.AllowAnonymousToPage("/Activate");
                o.Conventions.AllowAnonymousToPage("/UnlockRequest");
                o.Conventions.AllowAnonymousToPage("/Unlock");
                o.Conventions.AllowAnonymousToPage("/Setup");

                // The authorize endpoint signs people in itself, with the request to come back to.
                o.Conventions.AllowAnonymousToPage("/OAuth/Authorize");
            })
            .AddMvcOptions(o =>
            {
                // The directory's rules say what is missing in the product's words; the framework's
                // implicit "The X field is required." would only say it first and worse.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddViewLocalization()
            // Validation messages of page models ([Required(ErrorMessage = ...)]) are keyed by their
            // English text in ConsoleText like every other sentence, so they are said in the person's language.
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(ConsoleText)))
            .ConfigureApplicationPartManager(AddOwnPages);
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(ConsoleLocalization.Configure);

        // Razor Pages check the token on every POST; the cookie that pairs with it follows the
        // request's scheme like the session cookie does.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "roster_console_antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddSingleton<ConsoleSignIn>();
        services.AddSingleton<PendingSignIns>();
        services.AddSingleton<ConsoleCookieEvents>();
        services.AddSingleton<Activity.CredentialNames>();
        services.AddAuthentication().AddCookie(ConsoleAuthentication.Scheme, o =>
        {
            o.Cookie.Name = ConsoleAuthentication.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // The whole site, not just /console: the OAuth authorize endpoint reads the same session.
            o.Cookie.Path = "/";
            o.LoginPath = ConsoleAuthentication.SignInPath;
            o.LogoutPath = ConsoleAuthentication.SignOutPath;
            o.ReturnUrlParameter = ConsoleAuthentication.ReturnUrlParameter;
            o.ExpireTimeSpan = ConsoleAuthentication.IdleTimeout;
            o.SlidingExpiration = true;
            o.EventsType = typeof(ConsoleCookieEvents);
        });

        var policies = services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuthentication.Policy, p => p
                .AddAuthenticationSchemes(ConsoleAuthentication.Scheme)
                .RequireClaim(AdminBasicDefaults.TenantClaim));
        foreach (var permission in Permission.All)
        {
            policies.AddPolicy(ConsolePolicies.For(permission), p => p
                .AddAuthenticationSchemes(ConsoleAuthentication.Scheme)
                .RequireClaim(AdminBasicDefaults.TenantClaim)
                .AddRequirements(new PermissionRequirement([permission.Key])));
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ConsoleAuthorizationResultHandler>();
        return services;
    }

    /// <summary>
    /// The pages are compiled into this assembly, which MVC finds only when the entry assembly
    /// references it (the <c>roster</c> command does, a test host does not): add it once.
    /// </summary>
    private static void AddOwnPages(ApplicationPartManager manager)
    {
        var assembly = typeof(ConsoleServiceCollectionExtensions).Assembly;
        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            if (!manager.ApplicationParts.Any(p => p.GetType() == part.GetType() && p.Name == part.Name))
            {
                manager.ApplicationParts.Add(part);
            }
        }
    }
}
