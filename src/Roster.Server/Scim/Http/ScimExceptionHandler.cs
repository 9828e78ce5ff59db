using Microsoft.AspNetCore.Diagnostics;
using Roster.Scim.Errors;

namespace Roster.Server.Scim.Http;

/// <summary>
/// The last line: an unexpected exception becomes a 500 with a correlation id (the trace id),
/// logged once with its stack; the client never sees a stack trace. SCIM paths get a SCIM
/// error body, every other path a ProblemDetails.
/// </summary>
public sealed partial class ScimExceptionHandler(ILogger<ScimExceptionHandler> logger, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var correlationId = httpContext.TraceIdentifier;
        if (exception is BadHttpRequestException bad)
        {
            // The binder's message names the parameter; a NUL refused inside the JSON says why.
            var detail = bad.InnerException is Security.NulCharacterException nul ? $"{bad.Message} {nul.Message}" : bad.Message;
            return await WriteAsync(httpContext, new ScimError((System.Net.HttpStatusCode)bad.StatusCode, null, detail));
        }

        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        LogUnexpected(logger, exception, correlationId, httpContext.Request.Method, httpContext.Request.Path);
        return await WriteAsync(httpContext, ScimError.Internal(
            $"An unexpected error occurred; nothing was changed by the failed step. Quote correlation id {correlationId} when reporting it."));
    }

    private async ValueTask<bool> WriteAsync(HttpContext context, ScimError error)
    {
        if (context.Response.HasStarted)
        {
            return true;
        }

        if (ScimPaths.IsScim(context.Request.Path))
        {
            await ScimErrorResult.WriteAsync(context, error);
            return true;
        }

        context.Response.StatusCode = (int)error.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = (int)error.Status, Detail = error.Detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception {CorrelationId} on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string correlationId, string method, string path);
}
