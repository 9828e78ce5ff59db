using System.CommandLine;

namespace Roster.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    public static Option<string> Data() => new("--data")
    {
        Description = "The database: a SQLite file path or connection string (\"Data Source=...\"), or with Storage__Provider=postgres " +
            "a PostgreSQL connection string (\"Host=...;Database=...\"). Default: ROSTER_DATA, else Storage__ConnectionString, else roster.db. " +
            "Created and migrated when missing.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ROSTER_DATA") ?? "",
    };

    public static Option<string> Urls() => new("--urls")
    {
        Description = "The address(es) to listen on, separated by ';'.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ROSTER_URLS") ?? DefaultUrls,
    };

    public static Option<string?> PublicUrl() => new("--public-url")
    {
        Description = "The public base URL IdPs reach Roster at (default: Roster__Deployment__PublicBaseUrl, else Roster__PublicBaseUrl, else the first --urls address).",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the result as JSON, for scripts.",
    };

    public static Option<Guid> Tenant() => new("--tenant")
    {
        Description = "The tenant's org ID (a GUID).",
        Required = true,
    };

    /// <summary>
    /// The public base URL: the given one, else the one the server is configured with
    /// (<c>Roster:Deployment:PublicBaseUrl</c>, else <c>Roster:PublicBaseUrl</c>, from environment
    /// variables as <c>serve</c> reads them), else the first listen address (<c>--urls</c>, else
    /// <c>ROSTER_URLS</c>). So <c>serve</c> prints, and <c>employees invite</c> and <c>init</c> link
    /// to, the same URL when they share an environment.
    /// </summary>
    public static string PublicBaseUrl(string? publicUrl, string urls)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            publicUrl = configuration["Roster:Deployment:PublicBaseUrl"] is { Length: > 0 } deployment ? deployment : configuration["Roster:PublicBaseUrl"];
        }

        return (string.IsNullOrWhiteSpace(publicUrl) ? urls.Split(';')[0] : publicUrl).TrimEnd('/');
    }
}
