using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Roster.Directory;
using Roster.Directory.Mail;
using Roster.Server.Admin;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;
using Roster.Server.Authentication;
using Roster.Server.Console;
using Roster.Server.Console.Http;
using Roster.Server.Console.Sso;
using Roster.Server.Deployment;
using Roster.Server.Events;
using Roster.Server.Health;
using Roster.Server.Keys;
using Roster.Server.OAuth;
using Roster.Server.Operators;
using Roster.Server.Scim.Endpoints;
using Roster.Server.Scim.Http;
using Roster.Server.Security;
using Roster.Server.Settings;
using Roster.Server.Telemetry;
using Roster.Server.Throttling;

namespace Roster.Server.Hosting;

/// <summary>The composition root: builds a Roster web application on a given database.</summary>
public static class RosterWebApplication
{
    private const string RequestScheme = "ByApi";

    /// <summary>
    /// Creates the application on the storage of its configuration (<see cref="RosterStorage.From"/>):
    /// <paramref name="database"/> is the SQLite file path or connection string, or with
    /// <c>Storage:Provider=postgres</c> the PostgreSQL connection string; <paramref name="urls"/>
    /// the listen addresses (e.g. <c>http://127.0.0.1:5000</c>).
    /// </summary>
    public static WebApplication Create(string database, string? urls, string[]? args = null, Action<WebApplicationBuilder>? configure = null) =>
        Create(configuration => RosterStorage.From(configuration, database), urls, args, configure);

    /// <summary>Creates the application on the given storage, whatever the configuration says.</summary>
    public static WebApplication Create(RosterStorage storage, string? urls, string[]? args = null, Action<WebApplicationBuilder>? configure = null) =>
        Create(_ => storage, urls, args, configure);

    /// <summary>The configuration a Roster server reads (appsettings.json beside the executable, environment variables, <paramref name="args"/>), without building one.</summary>
    public static IConfiguration ReadConfiguration(string[]? args = null) => Builder(args).Configuration;

    private static WebApplicationBuilder Builder(string[]? args) => WebApplication.CreateSlimBuilder(new WebApplicationOptions
    {
        Args = args ?? [],
        ContentRootPath = AppContext.BaseDirectory,
    });

    private static WebApplication Create(Func<IConfiguration, RosterStorage> storage, string? urls, string[]? args, Action<WebApplicationBuilder>? configure)
    {
        var builder = Builder(args);
        if (!string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        // Per-command and per-request logs cost throughput and say nothing an operator needs;
        // configuration (Logging:LogLevel) can turn them back on.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Warnings no operator can act on, printed at every first start: how Roster's own SQLite
        // migrations rebuild tables, and that data-protection keys sit unencrypted in the database
        // (docs/security.md, "Left to the operator"). A failing migration still logs its error.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        AddRoster(builder.Services, builder.Configuration, storage(builder.Configuration));
        configure?.Invoke(builder);

        // Every setting at once, each line naming its setting, before any of them is used.
        SettingsCheck.ThrowIfAny(builder.Configuration);
        var app = builder.Build();
        app.UseBrowserSecurityHeaders();
        app.UseTransportSecurity();
        app.UseRosterTelemetry();
        app.UseExceptionHandler();
        app.UseStatusCodePages(c => ConsolePaths.IsConsole(c.HttpContext.Request.Path) ? ConsoleStatusCodePages.WriteAsync(c)
            : AdminPaths.IsAdmin(c.HttpContext.Request.Path) ? AdminStatusCodePages.WriteAsync(c)
            : ScimStatusCodePages.WriteAsync(c));
        app.UseConsoleAssets();

        // Before the credential throttle and authentication: both read credentials from the request.
        app.UseNulCharacterGuard();

        // Before authentication: OpenIddict handles /auth/token inside the authentication step.
        app.UseCredentialThrottling();
        app.UseRosterAuthentication();
        app.UseConsoleLocalization();
        app.UseRequestRateLimiting();
        app.UseAuthorization();
        app.MapRosterHealth();
        app.MapTokenEndpoint();
        app.MapScim();
        app.MapAdmin();
        app.MapOperator();
        app.MapOpenApi();
        app.MapConsole();
        return app;
    }

    private static void AddRoster(IServiceCollection services, ConfigurationManager configuration, RosterStorage storage)
    {
        services.AddRosterOptions<RosterServerOptions>(configuration, RosterServerOptions.SectionName);
        services.AddRosterOptions<RequestLimitsOptions>(configuration, RequestLimitsOptions.SectionName);

        // One place for the sizes Kestrel enforces before any endpoint runs: a body over the limit
        // on any path (also one sent chunked, without Content-Length) fails as it is read, a
        // request line over it is a 414 and headers over theirs a 431.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = limits.Value.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.Value.MaxRequestHeadersTotalBytes;
        });
        services.AddOptions<DeploymentOptions>()
            .Bind(configuration.GetSection(DeploymentOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeploymentOptions>, DeploymentOptionsValidator>();
        services.AddSingleton<DeploymentUrls>();
        services.AddSingleton<Admin.Apps.AppRegistrationMail>();
        services.AddProblemDetails();
        services.AddRosterHealth(configuration);
        services.AddRosterTelemetry(configuration);
        services.AddTransportSecurity(configuration);
        services.AddSecretSafeLogging();

        // A body the JSON binder cannot read becomes an exception the handler turns into a
        // ProblemDetails that says which parameter failed, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new NulRefusingStringConverter()));
        services.AddOpenApi(AdminOpenApi.Configure);
        // Console pages first: an HTML page for a person; everything else gets SCIM errors or ProblemDetails.
        services.AddExceptionHandler<ConsoleExceptionHandler>();
        services.AddExceptionHandler<ScimExceptionHandler>();
        services.AddRosterEvents(configuration, storage);
        services.AddSingleton(provider =>
        {
            var limits = provider.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
            return new Roster.Directory.Database.DirectoryLimits
            {
                QueryTimeout = TimeSpan.FromMilliseconds(limits.QueryTimeoutMilliseconds),
                MaxValuesPerAttribute = limits.MaxValuesPerAttribute,
                MaxMembersPerPage = limits.MaxMembersPerPage,
            };
        });
        services.AddRosterDirectory();
        services.AddSingleton(storage);
        storage.AddTo(services);
        SqliteCheckpointService.AddSqliteCheckpoints(services, configuration, storage);
        services.AddRosterMail(MailConfiguration.Read(configuration, storage.SqliteDatabase));
        services.AddSingleton(DnsConfiguration.Read(configuration));
        services.AddSingleton<ScimBodyReader>();
        services.AddSingleton<ScimUrls>();
        services.AddSingleton<ResourceRenderer>();
        services.AddSingleton<IEmployeeSignIn, EmployeeSignIn>();
        services.AddRosterOAuth(configuration);
        services.AddSingleSignOn(configuration);

        // Console sessions and anti-forgery tokens must read on every node and after a restart.
        // Encrypted with the key-encryption key, as the OAuth keys are (Roster:Keys).
        KeysAtRest.AddRosterKeys(services, configuration, storage);
        KeysAtRest.EncryptKeys(services.AddDataProtection().SetApplicationName("Roster").PersistKeysToDbContext<Roster.Directory.Database.RosterDbContext>());
        services.AddCredentialThrottling(configuration);
        services.AddRequestRateLimiting(configuration);

        // The default scheme picks the API's own credential, so an admin request never runs the
        // SCIM bearer handler (and a SCIM request never runs a password check); console pages
        // and the OAuth consent page read the console's session cookie (so an anonymous
        // authorization request is not also a failed SCIM authentication, logged as one).
        services.AddAuthentication(RequestScheme)
            .AddPolicyScheme(RequestScheme, null, o => o.ForwardDefaultSelector = c =>
                ConsolePaths.IsConsole(c.Request.Path) || c.Request.Path.Equals("/" + OAuthServerSetup.AuthorizePath, StringComparison.OrdinalIgnoreCase) ? ConsoleAuthentication.Scheme
                : OperatorPaths.IsOperator(c.Request.Path) ? OperatorKeyDefaults.Scheme
                : AdminPaths.IsAdmin(c.Request.Path) ? AdminApiSchemes.Select(c)
                : ScimBearerDefaults.Scheme)
            .AddPolicyScheme(AdminApiSchemes.Scheme, null, o => o.ForwardDefaultSelector = AdminApiSchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, ScimBearerHandler>(ScimBearerDefaults.Scheme, null)
            .AddScheme<AuthenticationSchemeOptions, AdminBasicHandler>(AdminBasicDefaults.Scheme, null)
            .AddScheme<AuthenticationSchemeOptions, AdminBearerHandler>(AdminApiSchemes.Bearer, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyHandler>(OperatorKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ScimBearerDefaults.ScimPolicy, p => p
                .AddAuthenticationSchemes(ScimBearerDefaults.Scheme)
                .RequireClaim(ScimBearerDefaults.TenantClaim))
            .AddPolicy(AdminBasicDefaults.Policy, p => p
                .AddAuthenticationSchemes(AdminApiSchemes.Scheme)
                .RequireClaim(AdminBasicDefaults.TenantClaim))
            .AddPolicy(OperatorKeyDefaults.Policy, p => p
                .AddAuthenticationSchemes(OperatorKeyDefaults.Scheme)
                .RequireClaim(OperatorKeyDefaults.KeyClaim));

        // After the admin API's schemes: the console's result handler wraps the admin API's one.
        services.AddRosterConsole();
    }
}
