using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Roster.Scim.Errors;
using Roster.Server.Hosting;

namespace Roster.Server.Scim.Http;

/// <summary>
/// Gives a SCIM error body to the bare status codes the framework produces on SCIM paths
/// (405 for a method an endpoint does not take, 404 from routing), so an IdP always reads a
/// SCIM error.
/// </summary>
public static class ScimStatusCodePages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!ScimPaths.IsScim(http.Request.Path))
        {
            return;
        }

        var status = http.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on '{http.Request.Path}'.",
            StatusCodes.Status404NotFound => $"There is no SCIM endpoint at '{http.Request.Path}'.",
            StatusCodes.Status413PayloadTooLarge => RequestBodyLimit.TooLargeDetail(http),
            _ => $"The request failed with status {status}.",
        };
        await ScimErrorResult.WriteAsync(http, new ScimError((HttpStatusCode)status, null, detail));
    }
}
