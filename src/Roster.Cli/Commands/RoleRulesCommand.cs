using System.CommandLine;
using Roster.Directory.RoleRules;

namespace Roster.Cli.Commands;

/// <summary><c>roster role-rules add|list|update|delete|preview</c>: IdP groups and roles values mapped to roles, as the operator.</summary>
public static class RoleRulesCommand
{
    public static Command Create() => new("role-rules", "Map IdP groups and roles values to roles; preview what a change would do.")
    {
        AddCommand(), ListCommand(), UpdateCommand(), DeleteCommand(), PreviewCommand(),
    };

    private static Option<string> MatchOption() => new("--match")
    {
        Description = $"What the rule looks at: {string.Join(", ", RuleMatches.All)}.",
        Required = true,
    };

    private static Option<string> ValueOption() => new("--value") { Description = "The group's display name, externalId or id, or the roles value.", Required = true };

    private static Option<string> RoleOption() => new("--role") { Description = "The role the rule gives: its id or exact name.", Required = true };

    private static Option<int> PriorityOption() => new("--priority") { Description = "Lower first; decides the primary role among rule-given roles.", DefaultValueFactory = _ => RoleRuleDraft.DefaultPriority };

    private static Option<Guid> IdOption() => new("--id") { Description = "The rule's id (from 'roster role-rules list').", Required = true };

    private static Command AddCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var (match, value, role, priority) = (MatchOption(), ValueOption(), RoleOption(), PriorityOption());
        var command = new Command("add", "Add a rule; its role is given at once to everyone it matches.") { data, tenant, match, value, role, priority, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var resolved = await RoleReference.ResolveAsync(services, orgId, parse.GetValue(role)!, cancellationToken);
            if (!resolved.IsSuccess)
            {
                return await CliErrors.ReportAsync(resolved.Error);
            }

            var draft = new RoleRuleDraft(parse.GetValue(match), parse.GetValue(value), resolved.Value.Id, parse.GetValue(priority));
            var result = await services.GetRequiredService<CreateRoleRule>().ExecuteAsync(CliActor.For(orgId), draft, cancellationToken);
            return result.IsSuccess ? Print(result.Value, parse.GetValue(json)) : await CliErrors.ReportAsync(result.Error);
        });
        return command;
    }

    private static Command UpdateCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var (id, match, value, role, priority) = (IdOption(), MatchOption(), ValueOption(), RoleOption(), PriorityOption());
        var command = new Command("update", "Change a rule; grants move at once.") { data, tenant, id, match, value, role, priority, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var resolved = await RoleReference.ResolveAsync(services, orgId, parse.GetValue(role)!, cancellationToken);
            if (!resolved.IsSuccess)
            {
                return await CliErrors.ReportAsync(resolved.Error);
            }

            var draft = new RoleRuleDraft(parse.GetValue(match), parse.GetValue(value), resolved.Value.Id, parse.GetValue(priority));
            var result = await services.GetRequiredService<UpdateRoleRule>().ExecuteAsync(CliActor.For(orgId), parse.GetValue(id), draft, cancellationToken);
            return result.IsSuccess ? Print(result.Value, parse.GetValue(json)) : await CliErrors.ReportAsync(result.Error);
        });
        return command;
    }

    private static Command DeleteCommand()
    {
        var (data, tenant) = (CommonOptions.Data(), CommonOptions.Tenant());
        var id = IdOption();
        var command = new Command("delete", "Remove a rule and every grant it gave.") { data, tenant, id };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<DeleteRoleRule>().ExecuteAsync(CliActor.For(orgId), parse.GetValue(id), cancellationToken);
            return result.IsSuccess ? 0 : await CliErrors.ReportAsync(result.Error);
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var command = new Command("list", "The tenant's rules, in priority order.") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var rules = await services.GetRequiredService<ListRoleRules>().ExecuteAsync(orgId, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(rules.Select(Shape));
                return 0;
            }

            foreach (var rule in rules)
            {
                Console.WriteLine($"{rule.Id}  {rule.Priority,5}  {RuleMatches.ToText(rule.Match)} = {rule.Value}  ->  role {rule.RoleId}");
            }

            return 0;
        });
        return command;
    }

    private static Command PreviewCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var id = new Option<Guid?>("--id") { Description = "An existing rule: preview changing it (with the other options) or deleting it (--delete)." };
        var delete = new Option<bool>("--delete") { Description = "Preview deleting the rule --id." };
        var match = new Option<string?>("--match") { Description = $"What the rule looks at: {string.Join(", ", RuleMatches.All)}." };
        var value = new Option<string?>("--value") { Description = "The group's display name, externalId or id, or the roles value." };
        var role = new Option<string?>("--role") { Description = "The role the rule gives: its id or exact name." };
        var priority = PriorityOption();
        var command = new Command("preview", "What saving a rule would do: who would gain and who would lose each role. Saves nothing.")
        {
            data, tenant, id, delete, match, value, role, priority, json,
        };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            RoleRuleDraft? draft = null;
            if (!parse.GetValue(delete))
            {
                var resolved = await RoleReference.ResolveAsync(services, orgId, parse.GetValue(role) ?? "", cancellationToken);
                if (!resolved.IsSuccess)
                {
                    return await CliErrors.ReportAsync(resolved.Error);
                }

                draft = new RoleRuleDraft(parse.GetValue(match), parse.GetValue(value), resolved.Value.Id, parse.GetValue(priority));
            }

            var result = await services.GetRequiredService<PreviewRoleRule>().ExecuteAsync(CliActor.For(orgId), parse.GetValue(id), draft, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            if (parse.GetValue(json))
            {
                Output.Json(result.Value);
                return 0;
            }

            foreach (var change in result.Value.Roles)
            {
                Console.WriteLine($"{change.RoleName}: +{change.GainedCount} -{change.LostCount}");
                foreach (var person in change.Gained)
                {
                    Console.WriteLine($"  + {person.UserName}");
                }

                foreach (var person in change.Lost)
                {
                    Console.WriteLine($"  - {person.UserName}");
                }
            }

            return 0;
        });
        return command;
    }

    private static int Print(RoleRule rule, bool json)
    {
        if (json)
        {
            Output.Json(Shape(rule));
        }
        else
        {
            Console.WriteLine($"Rule {rule.Id}: {RuleMatches.ToText(rule.Match)} = {rule.Value} gives role {rule.RoleId} (priority {rule.Priority}).");
        }

        return 0;
    }

    private static object Shape(RoleRule rule) => new
    {
        id = rule.Id,
        match = RuleMatches.ToText(rule.Match),
        value = rule.Value,
        roleId = rule.RoleId,
        priority = rule.Priority,
    };
}
