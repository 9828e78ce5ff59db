using System.Diagnostics;
using Roster.Directory.Provisioning;
using Roster.Scim.Errors;
using Roster.Server.Authentication;

namespace Roster.Server.Scim.Http;

/// <summary>
/// The one writer of SCIM errors: status code, <c>application/scim+json</c>, error body. A refusal
/// of an authenticated tenant's request is also recorded (<see cref="ScimCallErrors"/>), so the
/// console's activity page shows the IdP's errors first; unauthenticated requests name no tenant
/// and are not recorded.
/// </summary>
public sealed class ScimErrorResult(ScimError error) : IResult
{
    public ScimError Error { get; } = error;

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, Error);

    public static async Task WriteAsync(HttpContext context, ScimError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        context.Response.StatusCode = (int)error.Status;
        Telemetry.ScimOutcome.Record(context, error.ScimType);
        await ScimJsonResult.WriteBodyAsync(context, ScimErrorDocument.Create(error));
        // An IResult is handed only the HttpContext (ASP.NET Core's own results find their
        // services the same way), and WriteAsync is also called by the bearer handler and by
        // middleware, where there are no handler parameters.
        if (Guid.TryParse(context.User.FindFirst(ScimBearerDefaults.TenantClaim)?.Value, out var tenantId)
            && context.RequestServices.GetService<ScimCallErrors>() is { } errors)
        {
            // Sent before the record waits for the write gate: the client reads the status and the
            // error at once; the response ends once the error is recorded.
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
            var request = context.Request;
            var credential = Guid.TryParse(context.User.FindFirst(ScimBearerDefaults.CredentialClaim)?.Value, out var id) ? id : (Guid?)null;
            await errors.RecordAsync(
                tenantId,
                new ScimCallError(
                    Guid.Empty, default, request.Method, $"{request.PathBase}{request.Path}{request.QueryString}", (int)error.Status, error.ScimType,
                    error.Detail, ScimClientNames.Identify(request), credential, Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier),
                CancellationToken.None);
        }
    }
}
