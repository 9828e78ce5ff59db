using System.CommandLine;
using Roster.Directory.Administration;
using Roster.Directory.Domains;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster domains add|list|verify|remove</c>: a tenant's email domains and their DNS TXT
/// verification, as the operator. <c>verify</c> exits with 3 when the record is not found
/// (2 is an expected failure such as an unknown domain), so scripts can wait on it.
/// </summary>
public static class DomainsCommand
{
    /// <summary>The exit code of a check that did not find the TXT record.</summary>
    public const int NotFoundExitCode = 3;

    public static Command Create() => new("domains", "Add, list, verify (DNS TXT) and remove a tenant's email domains.")
    {
        AddCommand(), ListCommand(), VerifyCommand(), RemoveCommand(),
    };

    private static Option<string> DomainOption(string description) => new("--domain") { Description = description, Required = true };

    private static Command AddCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var domain = DomainOption("The domain, e.g. example.com (internationalised names are accepted).");
        var command = new Command("add", "Add a domain and print the TXT record to publish.") { data, tenant, domain, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<AddDomain>().ExecuteAsync(CliActor.For(orgId), parse.GetValue(domain)!, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            Print(result.Value, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var command = new Command("list", "List a tenant's domains with their TXT records and state.") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var domains = await services.GetRequiredService<ListDomains>().ExecuteAsync(orgId, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(domains.Select(ToJson));
                return 0;
            }

            foreach (var domain in domains)
            {
                Print(domain, json: false);
            }

            return 0;
        });
        return command;
    }

    private static Command VerifyCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var domain = DomainOption("The domain: its id or its name.");
        var command = new Command("verify", "Look the domain's TXT record up in DNS now.") { data, tenant, domain, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var id = await ResolveAsync(services, orgId, parse.GetValue(domain)!, cancellationToken);
            if (!id.IsSuccess)
            {
                return await CliErrors.ReportAsync(id.Error);
            }

            var result = await services.GetRequiredService<VerifyDomain>().ExecuteAsync(CliActor.For(orgId), id.Value, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            var verification = result.Value;
            if (parse.GetValue(json))
            {
                Output.Json(new { domain = ToJson(verification.Domain), found = verification.Found, recordsFound = verification.Records, detail = verification.Detail });
            }
            else if (verification.Found)
            {
                Console.WriteLine(verification.Detail);
            }
            else
            {
                await Console.Error.WriteLineAsync(verification.Detail);
            }

            return verification.Found ? 0 : NotFoundExitCode;
        });
        return command;
    }

    private static Command RemoveCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var domain = DomainOption("The domain: its id or its name.");
        var command = new Command("remove", "Remove a domain.") { data, tenant, domain, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var id = await ResolveAsync(services, orgId, parse.GetValue(domain)!, cancellationToken);
            if (!id.IsSuccess)
            {
                return await CliErrors.ReportAsync(id.Error);
            }

            var result = await services.GetRequiredService<RemoveDomain>().ExecuteAsync(CliActor.For(orgId), id.Value, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            if (parse.GetValue(json))
            {
                Output.Json(ToJson(result.Value));
            }
            else
            {
                Console.WriteLine($"Removed {result.Value.Domain}.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The id a <c>--domain</c> value names: an id as is, a name looked up after normalisation.</summary>
    private static async Task<AdminResult<Guid>> ResolveAsync(IServiceProvider services, Guid orgId, string reference, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(reference, out var id))
        {
            return id;
        }

        var name = DomainName.Normalize(reference);
        var domains = await services.GetRequiredService<ListDomains>().ExecuteAsync(orgId, cancellationToken);
        return domains.FirstOrDefault(d => d.Domain == name) is { } match
            ? match.Id
            : AdminError.NotFound($"The domain '{reference}' is not added to this organization; see 'roster domains list'.");
    }

    private static object ToJson(VerifiedDomain domain) => new
    {
        id = domain.Id,
        domain = domain.Domain,
        verified = domain.Verified,
        recordType = "TXT",
        recordName = domain.RecordName,
        recordValue = domain.RecordValue,
        created = domain.Created,
        verifiedAt = domain.VerifiedAt,
        lastCheckedAt = domain.LastCheckedAt,
    };

    private static void Print(VerifiedDomain domain, bool json)
    {
        if (json)
        {
            Output.Json(ToJson(domain));
            return;
        }

        Console.WriteLine($"{domain.Domain}  {domain.Id}  {(domain.Verified ? $"verified {domain.VerifiedAt:yyyy-MM-dd HH:mm} UTC" : "not verified")}");
        Console.WriteLine($"  TXT {domain.RecordName}  \"{domain.RecordValue}\"");
    }
}
