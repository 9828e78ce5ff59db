using Microsoft.AspNetCore.Diagnostics;
using Roster.Server.Hosting;

namespace Roster.Server.Admin.Http;

/// <summary>
/// Gives a ProblemDetails body to the bare status codes the framework produces under /api (404
/// from routing, 405, 415, a body the JSON binder could not read), so a script always reads why.
/// </summary>
public static class AdminStatusCodePages
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => $"There is no admin API endpoint at '{http.Request.Path}'.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on '{http.Request.Path}'.",
            StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json.",
            StatusCodes.Status413PayloadTooLarge => RequestBodyLimit.TooLargeDetail(http),
            StatusCodes.Status400BadRequest => "The request could not be read; send a JSON body as described in /openapi/v1.json.",
            _ => $"The request failed with status {status}.",
        };
        return AdminProblems.WriteAsync(http, status, detail);
    }
}
