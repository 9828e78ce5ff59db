using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;
using Roster.Server.Deployment;

namespace Roster.Server.Admin.Employees;

/// <summary>
/// Employee profiles (CXone "Employees"). Reading needs <c>employees.view</c>; changes need
/// <c>employees.edit</c>. While SCIM provisioning is on, create, edit and delete are refused
/// (409): the IdP owns the users. Unlocking stays allowed.
/// </summary>
public static class EmployeeEndpoints
{
    private static readonly string View = Permission.EmployeesView.Key;
    private static readonly string Edit = Permission.EmployeesEdit.Key;

    public static RouteGroupBuilder MapEmployeeEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var employees = org.MapGroup("/employees").WithTags("Employees");
        employees.MapGet("", ListAsync).RequirePermission(View)
            .WithSummary("Employees, by email; filter by status (invited, active, deactivated, locked) and search text; page from 1.");
        employees.MapGet("/{id:guid}", GetAsync).RequirePermission(View)
            .WithSummary("One employee profile.");
        employees.MapPost("", CreateAsync).RequirePermission(Edit)
            .WithSummary("Create an employee profile (status invited). Refused while SCIM provisioning is on.");
        employees.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Edit)
            .WithSummary("Change names, roles (replacing those held), login authenticator, billing attributes or active state. Refused while SCIM provisioning is on.");
        employees.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Edit)
            .WithSummary("Delete an employee profile. Refused while SCIM provisioning is on.");
        employees.MapPost("/{id:guid}/unlock", UnlockAsync).RequirePermission(Edit)
            .WithSummary("Unblock a profile locked by failed sign-ins (the lock, the failure count and every locked-out address); allowed while SCIM provisioning is on.");
        employees.MapPost("/{id:guid}/invite", InviteAsync).RequirePermission(Edit)
            .WithSummary("Email the person a single-use activation link ({publicBaseUrl}/activate#token=...), valid for seven days; inviting again replaces the link. 409 when Roster has no public URL to build the link from.");
        employees.MapEmployeeGroupEndpoints();
        employees.MapEmployeeRoleEndpoints();
        employees.MapEmployeeSecondFactorEndpoints();
        return employees;
    }

    private static async Task<Results<Ok<InvitationDocument>, ProblemHttpResult>> InviteAsync(
        HttpContext context, Guid id, InviteEmployee invite, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        if (urls.EmailedLink(Console.ConsolePaths.Activate, out var problem) is not { } activationBase)
        {
            return AdminProblems.Problem(StatusCodes.Status409Conflict, problem!);
        }

        var result = await invite.ExecuteAsync(context.GetAdminActor(), id, activationBase, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(InvitationDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<EmployeePageDocument>, ProblemHttpResult>> ListAsync(
        Guid orgId,
        ListEmployees list,
        CancellationToken cancellationToken,
        string? status = null,
        string? search = null,
        string? page = null,
        string? pageSize = null)
    {
        EmployeeStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<EmployeeStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return AdminProblems.Validation("status", $"'{status}' is not a status; use invited, active, deactivated or locked.");
            }

            wanted = parsed;
        }

        if (!TryNumber(page, 1, out var pageNumber))
        {
            return AdminProblems.Validation("page", "The page must be a whole number from 1.");
        }

        if (!TryNumber(pageSize, ListEmployees.DefaultPageSize, out var size))
        {
            return AdminProblems.Validation("pageSize", $"The page size must be a whole number between 1 and {ListEmployees.MaxPageSize}.");
        }

        var result = await list.ExecuteAsync(orgId, wanted, string.IsNullOrWhiteSpace(search) ? null : search, pageNumber, size, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        var found = result.Value;
        return TypedResults.Ok(new EmployeePageDocument([.. found.Employees.Select(EmployeeProfileDocument.From)], found.TotalCount, found.Page, found.PageSize));
    }

    private static async Task<Results<Ok<EmployeeProfileDocument>, ProblemHttpResult>> GetAsync(
        Guid orgId, Guid id, GetEmployee get, CancellationToken cancellationToken) =>
        Respond(await get.ExecuteAsync(orgId, id, cancellationToken));

    private static async Task<Results<Created<EmployeeProfileDocument>, ProblemHttpResult>> CreateAsync(
        HttpContext context, CreateEmployeeRequest body, CreateEmployee create, CancellationToken cancellationToken)
    {
        var draft = new EmployeeDraft(
            body.Email ?? "",
            body.FirstName ?? "",
            body.LastName ?? "",
            body.PrimaryRoleId,
            string.IsNullOrWhiteSpace(body.LoginAuthenticator) ? EmployeeDraft.PasswordAuthenticator : body.LoginAuthenticator,
            body.Billing?.ToAttributes(),
            body.RoleIds);
        var result = await create.ExecuteAsync(context.GetAdminActor(), draft, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        var employee = EmployeeProfileDocument.From(result.Value);
        return TypedResults.Created($"{context.Request.Path.ToUriComponent().TrimEnd('/')}/{employee.Id}", employee);
    }

    private static async Task<Results<Ok<EmployeeProfileDocument>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, Guid id, UpdateEmployeeRequest body, UpdateEmployee update, CancellationToken cancellationToken)
    {
        var change = new EmployeeUpdate(body.FirstName, body.LastName, body.PrimaryRoleId, body.LoginAuthenticator, body.Billing?.ToAttributes(), body.ClearBilling ?? false, body.Active, body.RoleIds);
        var result = await update.ExecuteAsync(context.GetAdminActor(), id, change, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(EmployeeProfileDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        HttpContext context, Guid id, DeleteEmployee delete, CancellationToken cancellationToken)
    {
        var result = await delete.ExecuteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<EmployeeProfileDocument>, ProblemHttpResult>> UnlockAsync(
        HttpContext context, Guid id, UnlockEmployee unlock, CancellationToken cancellationToken) =>
        Respond(await unlock.ExecuteAsync(context.GetAdminActor(), id, cancellationToken));

    private static Results<Ok<EmployeeProfileDocument>, ProblemHttpResult> Respond(AdminResult<Employee> result) =>
        result.IsSuccess ? TypedResults.Ok(EmployeeProfileDocument.From(result.Value)) : AdminProblems.From(result.Error);

    private static bool TryNumber(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
