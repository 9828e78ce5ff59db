namespace Roster.Server.Admin.Http;

/// <summary>
/// Every state-changing admin request (POST, PUT, PATCH, DELETE under <c>/api/v1/orgs/{orgId}</c>)
/// must carry a JSON content type, with or without a body. The admin API signs in with HTTP
/// Basic, which browsers replay by themselves: without this rule a page on another site could
/// make an administrator's browser post a form (which carries no JSON content type, and cannot
/// without a CORS preflight Roster never grants) to, say, <c>/employees/{id}/invite</c>, whose
/// endpoint reads no body. Refused with 415 and a ProblemDetails that says what to send.
/// </summary>
public static class JsonRequests
{
    public const string Detail =
        "State-changing admin requests must be sent as JSON: add the header 'Content-Type: application/json', with an empty body " +
        "when the request has none. This keeps a page on another site from making a browser with saved credentials send a form here.";

    public static TBuilder RequireJsonForChanges<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || request.HasJsonContentType())
            {
                return await next(context);
            }

            return AdminProblems.Problem(StatusCodes.Status415UnsupportedMediaType, Detail);
        });
}
