using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Administration;

namespace Roster.Server.Admin.Http;

/// <summary>
/// The admin API's errors as RFC 7807 ProblemDetails: one mapping from <see cref="AdminErrorKind"/>
/// to a status, and validation errors listed per field where the field is known.
/// </summary>
public static class AdminProblems
{
    public static ProblemHttpResult From(AdminError error, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = Untagged(error, field);

        // The refusal's code (privilege.grant, ...) for programs; the detail stays English.
        if (error.Code is { } code)
        {
            problem.ProblemDetails.Extensions["code"] = code;
        }

        return problem;
    }

    private static ProblemHttpResult Untagged(AdminError error, string? field)
    {
        var status = StatusOf(error.Kind);
        field ??= error.Field;
        if (status == StatusCodes.Status400BadRequest && field is not null)
        {
            if (error.Also.Count > 0)
            {
                var errors = new Dictionary<string, string[]> { [field] = [error.Detail] };
                foreach (var more in error.Also.Where(e => e.Field is not null))
                {
                    errors[more.Field!] = [.. errors.GetValueOrDefault(more.Field!, []), more.Detail];
                }

                return TypedResults.Problem(new HttpValidationProblemDetails(errors)
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = TitleOf(StatusCodes.Status400BadRequest),
                    Detail = error.Detail,
                });
            }

            return Validation(field, error.Detail);
        }

        return Problem(status, error.Detail);
    }

    public static int StatusOf(AdminErrorKind kind) => kind switch
    {
        AdminErrorKind.NotFound => StatusCodes.Status404NotFound,
        AdminErrorKind.Conflict => StatusCodes.Status409Conflict,
        AdminErrorKind.Validation => StatusCodes.Status400BadRequest,

        // SCIM is on, so the IdP owns the users: the request clashes with the tenant's state.
        AdminErrorKind.ManagedByScim => StatusCodes.Status409Conflict,
        AdminErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        AdminErrorKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = TitleOf(status), Detail = detail });

    /// <summary>A 400 whose <c>errors</c> names the field at fault, as ASP.NET Core's validation problems do.</summary>
    public static ProblemHttpResult Validation(string field, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = TitleOf(StatusCodes.Status400BadRequest),
            Detail = detail,
        });

    /// <summary>Writes a ProblemDetails outside an endpoint (authentication, status code pages).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = TitleOf(status), Detail = detail },
        });
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad Request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not Found",
        StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status410Gone => "Gone",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        _ => "Error",
    };
}
