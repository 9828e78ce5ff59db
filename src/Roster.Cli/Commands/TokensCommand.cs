using System.CommandLine;
using Roster.Directory.Tokens;

namespace Roster.Cli.Commands;

/// <summary><c>roster tokens create|list|revoke</c>: per-tenant SCIM bearer tokens.</summary>
public static class TokensCommand
{
    public static Command Create() => new("tokens", "Create, list and revoke SCIM tokens.") { CreateToken(), ListTokens(), RevokeToken() };

    private static Command CreateToken()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var tenant = CommonOptions.Tenant();
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. the IdP's name.", DefaultValueFactory = _ => "SCIM token" };
        var days = new Option<int>("--expires-in-days")
        {
            Description = "Days until the token expires (0: never).",
            DefaultValueFactory = _ => TenantBootstrap.DefaultTokenDays,
        };
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--expires-in-days must be 0 (never) or a positive number of days.");
            }
        });
        var owner = new Option<Guid?>("--owner")
        {
            Description = "The employee profile (id, from 'roster employees list') the token belongs to; its changes are credited to them. Without it, the token is the operator's.",
        };
        var command = new Command("create", "Issue a SCIM token for a tenant; it is shown only once.") { data, tenant, name, owner, days, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var time = services.GetRequiredService<TimeProvider>();
            var expiresInDays = parse.GetValue(days);
            DateTimeOffset? expires = expiresInDays == 0 ? null : time.GetUtcNow().AddDays(expiresInDays);
            IssuedScimToken token;
            if (parse.GetValue(owner) is { } ownerId)
            {
                var owned = await services.GetRequiredService<IssueScimToken>().ExecuteAsync(CliActor.For(orgId), new ScimTokenRequest(parse.GetValue(name)!, ownerId, expires), cancellationToken);
                if (!owned.IsSuccess)
                {
                    return await CliErrors.ReportAsync(owned.Error);
                }

                token = owned.Value;
            }
            else
            {
                token = await services.GetRequiredService<IssueOperatorScimToken>().ExecuteAsync(orgId, parse.GetValue(name)!, expires, cancellationToken);
            }

            if (parse.GetValue(json))
            {
                Output.Json(new { id = token.Id, token = token.Token, expires = token.Expires });
            }
            else
            {
                Console.WriteLine($"Token {token.Id} ({token.Name}), expires {(token.Expires is { } e ? e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "never")}:");
                Console.WriteLine(token.Token);
                Console.WriteLine("It is shown only now.");
            }

            return 0;
        });
        return command;
    }

    private static Command ListTokens()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var tenant = CommonOptions.Tenant();
        var command = new Command("list", "List a tenant's SCIM tokens (never their secrets).") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var tokens = await services.GetRequiredService<ListScimTokens>().ExecuteAsync(orgId, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(tokens);
                return 0;
            }

            foreach (var token in tokens)
            {
                var state = token.State.ToString().ToLowerInvariant();
                var owner = token.OwnerUserName ?? "operator";
                Console.WriteLine($"{token.Id}  {token.Name}  ...{token.Hint}  owner {owner}  created {token.Created:yyyy-MM-dd}  expires {token.Expires:yyyy-MM-dd}  {state}");
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeToken()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var tenant = CommonOptions.Tenant();
        var id = new Option<Guid>("--id") { Description = "The token's id (from 'roster tokens list').", Required = true };
        var command = new Command("revoke", "Revoke a SCIM token at once.") { data, tenant, id, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var revoked = await services.GetRequiredService<RevokeScimToken>().ExecuteAsync(orgId, parse.GetValue(id), cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(new { id = parse.GetValue(id), revoked });
            }
            else
            {
                Console.WriteLine(revoked ? "Revoked." : "No such token in that tenant.");
            }

            return revoked ? 0 : 2;
        });
        return command;
    }
}
