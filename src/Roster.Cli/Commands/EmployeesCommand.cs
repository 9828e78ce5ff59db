using System.CommandLine;
using Roster.Directory.Employees;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster employees create|list|invite|unlock</c>: employee profiles, as the operator. The
/// operator may create profiles while SCIM is on (someone must create a tenant's first administrator).
/// </summary>
public static class EmployeesCommand
{
    public static Command Create() => new("employees", "Create, list, invite and unlock a tenant's employee profiles.")
    {
        CreateEmployeeCommand(), ListCommand(), InviteCommand(), UnlockCommand(),
    };

    private static Option<Guid> EmployeeOption() => new("--id") { Description = "The employee's id (from 'roster employees list').", Required = true };

    private static Command CreateEmployeeCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var email = new Option<string>("--email") { Description = "The email, also the sign-in name.", Required = true };
        var firstName = new Option<string>("--first-name") { Description = "The first name.", Required = true };
        var lastName = new Option<string>("--last-name") { Description = "The last name.", Required = true };
        var role = new Option<string?>("--role") { Description = "The primary role: its name or id (e.g. Administrator)." };
        var command = new Command("create", "Create an employee profile (status invited; send the invitation with 'roster employees invite').")
        {
            data, tenant, email, firstName, lastName, role, json,
        };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            Guid? roleId = null;
            if (parse.GetValue(role) is { Length: > 0 } reference)
            {
                var found = await RoleReference.ResolveAsync(services, orgId, reference, cancellationToken);
                if (!found.IsSuccess)
                {
                    return await CliErrors.ReportAsync(found.Error);
                }

                roleId = found.Value.Id;
            }

            var draft = new EmployeeDraft(parse.GetValue(email)!, parse.GetValue(firstName)!, parse.GetValue(lastName)!, roleId);
            var result = await services.GetRequiredService<CreateEmployee>().ExecuteAsync(CliActor.For(orgId), draft, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            EmployeeOutput.Print(result.Value, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var status = new Option<EmployeeStatus?>("--status") { Description = "Only employees in this status: invited, active, deactivated or locked." };
        var search = new Option<string?>("--search") { Description = "Only employees whose email or name contains this text." };
        var page = new Option<int>("--page") { Description = "The page, from 1.", DefaultValueFactory = _ => 1 };
        var command = new Command("list", "List a tenant's employees by email.") { data, tenant, status, search, page, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<ListEmployees>()
                .ExecuteAsync(orgId, parse.GetValue(status), parse.GetValue(search), parse.GetValue(page), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            var found = result.Value;
            if (parse.GetValue(json))
            {
                Output.Json(new { employees = found.Employees.Select(EmployeeOutput.ToJson), totalCount = found.TotalCount, page = found.Page, pageSize = found.PageSize });
                return 0;
            }

            foreach (var employee in found.Employees)
            {
                EmployeeOutput.Print(employee, json: false);
            }

            Console.WriteLine($"{found.TotalCount} employee(s); page {found.Page}.");
            return 0;
        });
        return command;
    }

    private static Command InviteCommand()
    {
        var (data, tenant, json, id) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), EmployeeOption());
        var urls = CommonOptions.Urls();
        var publicUrl = CommonOptions.PublicUrl();
        var command = new Command("invite", "Email the person a single-use activation link ({public URL}/activate#token=...), valid for seven days.")
        {
            data, tenant, id, urls, publicUrl, json,
        };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var activationBase = CommonOptions.PublicBaseUrl(parse.GetValue(publicUrl), parse.GetValue(urls)!) + "/activate";
            var result = await services.GetRequiredService<InviteEmployee>()
                .ExecuteAsync(CliActor.For(orgId), parse.GetValue(id), activationBase, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            var invitation = result.Value;
            if (parse.GetValue(json))
            {
                Output.Json(new { employeeId = invitation.EmployeeId, email = invitation.Email, expires = invitation.Expires });
            }
            else
            {
                Console.WriteLine($"Invitation sent to {invitation.Email}; the link works until {invitation.Expires:yyyy-MM-dd HH:mm} UTC.");
            }

            return 0;
        });
        return command;
    }

    private static Command UnlockCommand()
    {
        var (data, tenant, json, id) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), EmployeeOption());
        var command = new Command("unlock", "Unblock a profile locked by failed sign-ins.") { data, tenant, id, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<UnlockEmployee>().ExecuteAsync(CliActor.For(orgId), parse.GetValue(id), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            EmployeeOutput.Print(result.Value, parse.GetValue(json));
            return 0;
        });
        return command;
    }
}
