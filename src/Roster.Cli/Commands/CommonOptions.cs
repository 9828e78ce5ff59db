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
        Description = "The public base URL IdPs reach Roster at (default: the first --urls address).",
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

    /// <summary>The public base URL: the given one, or the first listen address.</summary>
    public static string PublicBaseUrl(string? publicUrl, string urls) =>
        (string.IsNullOrWhiteSpace(publicUrl) ? urls.Split(';')[0] : publicUrl).TrimEnd('/');
}
