using Roster.Scim.Errors;

namespace Roster.Server.Scim.Http;

/// <summary>The one writer of SCIM errors: status code, <c>application/scim+json</c>, error body.</summary>
public sealed class ScimErrorResult(ScimError error) : IResult
{
    public ScimError Error { get; } = error;

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, Error);

    public static Task WriteAsync(HttpContext context, ScimError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        context.Response.StatusCode = (int)error.Status;
        return ScimJsonResult.WriteBodyAsync(context, ScimErrorDocument.Create(error));
    }
}
