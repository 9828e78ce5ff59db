using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Employees;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Employees;

/// <summary>
/// <c>POST /api/v1/activation</c>: the invited person sets a password with the token from the
/// email. Anonymous: the single-use token is the credential, and it names its tenant.
/// </summary>
public static class ActivationEndpoints
{
    public static void MapActivationEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(AdminPaths.Root + "/activation", ActivateAsync)
            .AllowAnonymous()
            .WithTags("Employees")
            .WithSummary("Activate an invited employee profile with the invitation's token and a new password (anonymous; the link works once).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok<EmployeeProfileDocument>, ProblemHttpResult>> ActivateAsync(
        ActivationRequest body, ActivateEmployee activate, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Token))
        {
            return AdminProblems.Validation("token", "The token from the invitation link is required.");
        }

        var result = await activate.ExecuteAsync(body.Token, body.Password ?? "", cancellationToken);
        if (!result.IsSuccess)
        {
            // The rules name the password where it is at fault; every other refusal is about the link.
            return AdminProblems.From(result.Error, result.Error.Field ?? "token");
        }

        return TypedResults.Ok(EmployeeProfileDocument.From(result.Value));
    }
}
