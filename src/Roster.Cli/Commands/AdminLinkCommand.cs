using System.CommandLine;
using Roster.Directory.Onboarding;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster admin-link --tenant ORG</c>: a new setup link for a tenant without an administrator
/// (the one <c>serve</c> or <c>init</c> printed was lost, used by someone who left, or expired).
/// Printed once; only its hash is stored.
/// </summary>
public static class AdminLinkCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var urls = CommonOptions.Urls();
        var publicUrl = CommonOptions.PublicUrl();
        var json = CommonOptions.Json();
        var tenant = CommonOptions.Tenant();
        var hours = new Option<int>("--valid-for-hours")
        {
            Description = $"Hours until the link stops working (at most {SetupLinkTokens.LongestLifetime.TotalHours:0}).",
            DefaultValueFactory = _ => (int)SetupLinkTokens.DefaultLifetime.TotalHours,
        };
        var command = new Command(
            "admin-link",
            "Issue a single-use setup link that creates the first administrator of a tenant that has none (an active person holding the Administrator role); it is shown only once.")
        {
            data, urls, publicUrl, tenant, hours, json,
        };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var issued = await services.GetRequiredService<IssueSetupLink>()
                .ExecuteAsync(Roster.Directory.Operators.OperatorActor.Cli, orgId, TimeSpan.FromHours(parse.GetValue(hours)), cancellationToken);
            if (!issued.IsSuccess)
            {
                return await CliErrors.ReportAsync(issued.Error);
            }

            var publicBaseUrl = CommonOptions.PublicBaseUrl(parse.GetValue(publicUrl), parse.GetValue(urls)!);
            if (parse.GetValue(json))
            {
                Output.Json(new { orgId, setupLink = SetupLinkTokens.Link(publicBaseUrl, issued.Value.Token), expires = issued.Value.Expires });
            }
            else
            {
                Banner.PrintSetupLink(publicBaseUrl, issued.Value);
            }

            return 0;
        });
        return command;
    }
}
