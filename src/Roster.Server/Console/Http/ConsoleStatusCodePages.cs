using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;

namespace Roster.Server.Console.Http;

/// <summary>
/// A plain page for the bare status codes a console URL can end in (a refused permission, a form
/// without its anti-forgery token, a page that does not exist): what happened and a way back,
/// never a stack trace.
/// </summary>
public static class ConsoleStatusCodePages
{
    /// <summary>HttpContext item key under which a page leaves the sentence to show with its status.</summary>
    public const string DetailKey = "roster:console-detail";

    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        return WriteAsync(http, http.Response.StatusCode, http.Items[DetailKey] as string);
    }

    public static async Task WriteAsync(HttpContext http, int status, string? detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (title, fallback) = status switch
        {
            StatusCodes.Status400BadRequest => ("The form could not be accepted", "The page was out of date or incomplete (its security token was missing or expired). Go back, reload the page and try again."),
            StatusCodes.Status403Forbidden => ("You do not have access to this page", "Your role does not grant the permission this page needs; ask an administrator for a role that grants it."),
            StatusCodes.Status404NotFound => ("Page not found", "There is no console page at this address."),
            StatusCodes.Status500InternalServerError => ("Something went wrong", "Roster could not finish this page."),
            _ => ("Something went wrong", $"The request failed with status {status}."),
        };
        var html = HtmlEncoder.Default;
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{html.Encode(title)} - Roster</title><link rel="stylesheet" href="{ConsolePaths.Assets}/console.css"></head>
            <body><main class="page narrow"><h1>{html.Encode(title)}</h1><p class="status-code">Status {status}</p>
            <p>{html.Encode(detail ?? fallback)}</p><p><a href="{ConsolePaths.Root}">Back to the console</a></p></main></body></html>
            """);
    }
}
