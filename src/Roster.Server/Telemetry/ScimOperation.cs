namespace Roster.Server.Telemetry;

/// <summary>
/// Which SCIM operation a request was, from its method and the route it matched (never from the
/// URL it sent, which holds ids): <c>create</c>, <c>get</c>, <c>list</c>, <c>search</c>,
/// <c>replace</c>, <c>patch</c>, <c>delete</c> of <c>Users</c>, <c>Groups</c>, <c>all</c> (the
/// root search), <c>discovery</c> or <c>other</c>.
/// </summary>
/// <param name="Name">The operation.</param>
/// <param name="Resource">The resource type or area.</param>
public sealed record ScimOperation(string Name, string Resource)
{
    public const string NameTag = "roster.scim.operation";
    public const string ResourceTag = "roster.scim.resource";

    private static readonly HashSet<string> Discovery = new(StringComparer.Ordinal) { "Schemas", "ResourceTypes", "ServiceProviderConfig" };

    public static ScimOperation Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        if (context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return new ScimOperation(method.ToLowerInvariant(), "other");
        }

        // "/scim/v2/{orgId:guid}/Users/{id}": the literal segments after the base path (/scim/v2,
        // /oauth/scim/v2 or /v1/scim), and whether an id follows.
        var all = endpoint.RoutePattern.PathSegments
            .Select(s => s.Parts is [Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal] ? literal.Content : null)
            .ToList();
        var segments = all.Skip(all.FirstOrDefault() == "oauth" ? 3 : 2).ToList();
        var literals = segments.OfType<string>().ToList();
        var withId = segments.Count > 0 && segments[^1] is null && literals.Count > 0;
        var resource = literals.FirstOrDefault();
        var searching = literals.Contains(".search", StringComparer.Ordinal);
        return resource switch
        {
            "Users" or "Groups" => new ScimOperation(Verb(method, withId, searching), resource),
            ".search" => new ScimOperation("search", "all"),
            not null when Discovery.Contains(resource) => new ScimOperation("get", "discovery"),
            _ => new ScimOperation(method.ToLowerInvariant(), "other"),
        };
    }

    private static string Verb(string method, bool withId, bool searching) => method switch
    {
        _ when searching => "search",
        "GET" => withId ? "get" : "list",
        "POST" => "create",
        "PUT" => "replace",
        "PATCH" => "patch",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };
}
