using Microsoft.AspNetCore.Authentication;
using Roster.Directory;
using Roster.Server.Authentication;
using Roster.Server.Scim.Endpoints;
using Roster.Server.Scim.Http;
using Roster.Storage.Sqlite;

namespace Roster.Server.Hosting;

/// <summary>The composition root: builds a Roster web application on a given database.</summary>
public static class RosterWebApplication
{
    /// <summary>
    /// Creates the application. <paramref name="database"/> is a SQLite file path or connection
    /// string; <paramref name="urls"/> the listen addresses (e.g. <c>http://127.0.0.1:5000</c>).
    /// </summary>
    public static WebApplication Create(string database, string? urls, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (!string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        // Per-command and per-request logs cost throughput and say nothing an operator needs;
        // configuration (Logging:LogLevel) can turn them back on.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        AddRoster(builder.Services, builder.Configuration, database);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(ScimStatusCodePages.WriteAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapScim();
        return app;
    }

    private static void AddRoster(IServiceCollection services, ConfigurationManager configuration, string database)
    {
        services.AddOptions<RosterServerOptions>()
            .Bind(configuration.GetSection(RosterServerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddProblemDetails();
        services.AddExceptionHandler<ScimExceptionHandler>();
        services.AddRosterDirectory();
        services.AddRosterSqlite(database);
        services.AddSingleton<ScimBodyReader>();
        services.AddSingleton<ScimUrls>();
        services.AddSingleton<ResourceRenderer>();
        services.AddAuthentication(ScimBearerDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ScimBearerHandler>(ScimBearerDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ScimBearerDefaults.ScimPolicy, p => p
                .AddAuthenticationSchemes(ScimBearerDefaults.Scheme)
                .RequireClaim(ScimBearerDefaults.TenantClaim));
    }
}
