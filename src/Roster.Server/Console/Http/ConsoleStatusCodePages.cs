using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Roster.Server.Console.Localization;

namespace Roster.Server.Console.Http;

/// <summary>
/// The page for the bare status codes a console URL can end in (a refused permission, a form
/// without its anti-forgery token, a page that does not exist, a failure): what happened, in the
/// person's language, inside the console's frame (navigation, the person's name, sign-out), and a
/// way back; a refused page names the permission it needs and who can grant it. Never a stack
/// trace. Should the frame itself fail to render, a plain page says the same in English.
/// </summary>
public static class ConsoleStatusCodePages
{
    /// <summary>HttpContext item key under which a page leaves the sentence to show with its status.</summary>
    public const string DetailKey = "roster:console-detail";

    /// <summary>HttpContext item key under which a page leaves the permission keys a refusal is about.</summary>
    public const string PermissionsKey = "roster:console-permissions";

    private const string ViewPath = "/Console/Pages/Shared/_ConsoleStatus.cshtml";

    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        return WriteAsync(http, http.Response.StatusCode, http.Items[DetailKey] as string, http.Items[PermissionsKey] as IReadOnlyList<string>);
    }

    public static async Task WriteAsync(HttpContext http, int status, string? detail, IReadOnlyList<string>? missingPermissions = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var model = new ConsoleStatus(status, detail, missingPermissions ?? [], http.TraceIdentifier);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var framed = await RenderAsync(http, model);
        await http.Response.WriteAsync(framed ?? Plain(model));
    }

    private static async Task<string?> RenderAsync(HttpContext http, ConsoleStatus model)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            // A URL that matches no page ran no authentication: the frame is the signed-in person's all the same.
            if (model.Status == StatusCodes.Status404NotFound && http.User.Identity?.IsAuthenticated != true
                && await http.AuthenticateAsync(ConsoleAuthentication.Scheme) is { Succeeded: true } signedIn)
            {
                http.User = signedIn.Principal;
            }

            // Status code and exception pages run outside the localization middleware's scope.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = ConsoleLocalization.UiCulture(http);
            var services = http.RequestServices;
            var found = services.GetRequiredService<ICompositeViewEngine>().GetView(executingFilePath: null, viewPath: ViewPath, isMainPage: true);
            if (!found.Success)
            {
                return null;
            }

            var action = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
            var viewData = new ViewDataDictionary<ConsoleStatus>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
            var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            await using var writer = new StringWriter(CultureInfo.InvariantCulture);
            await found.View.RenderAsync(new ViewContext(action, found.View, viewData, tempData, writer, new HtmlHelperOptions()));
            return writer.ToString();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The frame is a courtesy; the status and its sentence must reach the person whatever failed.
            return null;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static string Plain(ConsoleStatus model)
    {
        var (title, fallback) = model.Status switch
        {
            StatusCodes.Status400BadRequest => ("The form could not be accepted", "The page was out of date or incomplete (its security token was missing or expired). Go back, reload the page and try again."),
            StatusCodes.Status403Forbidden => ("You do not have access to this page", "Your role does not grant the permission this page needs; ask an administrator for a role that grants it."),
            StatusCodes.Status404NotFound => ("Page not found", "There is no console page at this address."),
            StatusCodes.Status500InternalServerError => ("Something went wrong", "Roster could not finish this page."),
            _ => ("Something went wrong", $"The request failed with status {model.Status}."),
        };
        var html = HtmlEncoder.Default;
        var detail = model.Detail ?? (model.MissingPermissions.Count > 0 ? $"This needs the permission '{string.Join("' or '", model.MissingPermissions)}'." : fallback);
        return
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{html.Encode(title)} - Roster</title><link rel="stylesheet" href="{ConsolePaths.Assets}/console.css"></head>
            <body><main class="page narrow"><h1>{html.Encode(title)}</h1><p class="status-code">Status {model.Status}</p>
            <p>{html.Encode(detail)}</p><p><a href="{ConsolePaths.Root}">Back to the console</a></p></main></body></html>
            """;
    }
}
