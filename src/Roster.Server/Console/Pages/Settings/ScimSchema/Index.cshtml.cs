using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.SchemaExtensions;
using Roster.Scim.Schemas;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Settings.ScimSchema;

/// <summary>
/// Tenant settings &gt; SCIM schema: the organization's own extension schemas with their
/// attributes, the <c>/Schemas</c> URL and the URN an identity provider maps its custom attributes
/// to, and delete (refused with the use case's reason while users or groups hold values). It
/// needs <c>scim.manage</c>, as the admin API's endpoints do.
/// </summary>
[Authorize(Policy = ConsolePolicies.ScimManage)]
public sealed class IndexModel(ListSchemaExtensions list, ChangeSchemaExtension change, DeploymentUrls urls) : ConsolePageModel
{
    public const string Path = "/console/settings/scim-schema";

    public IReadOnlyList<SchemaExtension> Extensions { get; private set; } = [];

    /// <summary>The organization's SCIM base URL; its schemas are at <c>{base}/Schemas</c>.</summary>
    public string ConnectorUrl { get; private set; } = "";

    /// <summary>An attribute's characteristics as RFC 7643 spells them (the same words in every language).</summary>
    public static string Characteristics(AttributeDefinition attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return string.Join(", ", new[]
        {
            attribute.MultiValued ? "multiValued" : null,
            attribute.Required ? "required" : null,
            attribute.CaseExact ? "caseExact" : null,
            CharacteristicNames.Of(attribute.Mutability),
            "returned " + CharacteristicNames.Of(attribute.Returned),
            "uniqueness " + CharacteristicNames.Of(attribute.Uniqueness),
        }.OfType<string>());
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Extensions = await list.ExecuteAsync(OrgId, cancellationToken);
        ConnectorUrl = urls.ConnectorUrl(Request, OrgId);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await change.DeleteAsync(Actor, id, cancellationToken);
        if (result.IsSuccess)
        {
            Notice = T["Schema extension deleted; SCIM clients no longer see it."];
        }
        else
        {
            Problem = Say(result.Error);
        }

        return Redirect(Path);
    }
}
