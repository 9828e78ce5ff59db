using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// What the running app serves, read from its own routing (<see cref="EndpointDataSource"/>) and
/// its page models, named the way <see cref="EndpointCase.Endpoint"/> names them.
/// </summary>
public static class EndpointCoverage
{
    /// <summary>"METHODS /pattern" for every routed endpoint; "PAGE /Page" for each Razor page.</summary>
    public static IReadOnlyList<string> RoutedEndpoints(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(Name).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>"PAGE /Page Handler" for every handler method of every page model (OnGet, OnPostDelete, ...).</summary>
    public static IReadOnlyList<string> PageHandlers()
    {
        var assembly = typeof(Roster.Server.Console.ConsolePaths).Assembly;
        const string root = "Roster.Server.Console.Pages.";
        return
        [
            .. assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(PageModel).IsAssignableFrom(t) && t.FullName!.StartsWith(root, StringComparison.Ordinal))
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal) && (m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
                    .Select(m => $"PAGE {PageOf(t, root)} {HandlerOf(m.Name)}"))
                .Distinct()
                .Order(StringComparer.Ordinal),
        ];
    }

    private static string Name(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page)
        {
            return "PAGE " + page.ViewEnginePath;
        }

        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        var pattern = endpoint.RoutePattern.RawText!;
        return $"{(methods is null ? "*" : string.Join(",", methods))} {(pattern.StartsWith('/') ? pattern : "/" + pattern)}";
    }

    /// <summary>Roster.Server.Console.Pages.Employees.EditModel is the page /Employees/Edit.</summary>
    private static string PageOf(Type model, string root) =>
        "/" + model.FullName![root.Length..^"Model".Length].Replace('.', '/');

    /// <summary>OnPostDeleteAsync is the handler "PostDelete"; OnGet and OnGetAsync are "Get".</summary>
    private static string HandlerOf(string method)
    {
        var name = method["On".Length..];
        return name.EndsWith("Async", StringComparison.Ordinal) ? name[..^"Async".Length] : name;
    }
}
