using Microsoft.AspNetCore.Diagnostics;

namespace Roster.Server.Console.Http;

/// <summary>
/// An unexpected exception on a console page becomes a readable 500 page with a correlation id
/// (the trace id), logged once with its stack; the person never sees a stack trace. A database
/// that cannot be reached (a failover, a restart) is a 503 page with <c>Retry-After</c> instead. Other paths
/// are left to the next handler (SCIM errors and ProblemDetails).
/// </summary>
public sealed partial class ConsoleExceptionHandler(ILogger<ConsoleExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!ConsolePaths.IsConsole(httpContext.Request.Path) || exception is BadHttpRequestException)
        {
            return false;
        }

        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var correlationId = httpContext.TraceIdentifier;
        if (Health.DatabaseUnavailable.Is(exception))
        {
            // A failover or a database restart: the page works again once the database is back.
            LogUnavailable(logger, correlationId, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.RetryAfter = Health.DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ConsoleStatusCodePages.WriteAsync(
                    httpContext,
                    StatusCodes.Status503ServiceUnavailable,
                    $"Roster cannot reach its database right now; nothing was changed. Try again in a few seconds. Correlation id {correlationId}.");
            }

            return true;
        }

        LogUnexpected(logger, exception, correlationId, httpContext.Request.Method, httpContext.Request.Path);
        if (!httpContext.Response.HasStarted)
        {
            await ConsoleStatusCodePages.WriteAsync(
                httpContext,
                StatusCodes.Status500InternalServerError,
                $"Roster could not finish this page; nothing was changed by the failed step. Quote correlation id {correlationId} when reporting it.");
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable {CorrelationId} on console {Method} {Path}: {Error}: {Detail}")]
    private static partial void LogUnavailable(ILogger logger, string correlationId, string method, string path, string error, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception {CorrelationId} on console {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string correlationId, string method, string path);
}
