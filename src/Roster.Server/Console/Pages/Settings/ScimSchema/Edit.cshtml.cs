using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Administration;
using Roster.Directory.SchemaExtensions;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Settings.ScimSchema;

/// <summary>
/// Tenant settings &gt; SCIM schema &gt; define or change an extension: its URN, name, description,
/// resource type and whether it is required, and a row of boxes per attribute. Rows are added and
/// removed by posting the form, which comes back with everything typed. A save goes through the
/// admin API's use cases, whose refusal lists every mistake at once; each is shown next to its box.
/// </summary>
[Authorize(Policy = ConsolePolicies.ScimManage)]
public sealed class EditModel(ListSchemaExtensions list, DefineSchemaExtension define, ChangeSchemaExtension change) : ConsolePageModel
{
    /// <summary>The most rows the form offers, as many as an extension may define.</summary>
    public const int MaxRows = Roster.Scim.Schemas.SchemaExtensionReader.MaxAttributes;

    /// <summary>The list of extensions, where a save returns.</summary>
    public static string ListPath => IndexModel.Path;

    [BindProperty]
    public string? Urn { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? ResourceType { get; set; } = "User";

    [BindProperty]
    public bool Required { get; set; }

    [BindProperty]
    public List<SchemaAttributeRow> Attributes { get; set; } = [];

    /// <summary>The extension changed, or null when one is being defined.</summary>
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } existing)
        {
            Attributes = [new SchemaAttributeRow()];
            return Page();
        }

        var found = await list.GetAsync(OrgId, existing, cancellationToken);
        if (!found.IsSuccess)
        {
            return Missing(T["There is no such schema extension in this organization."]);
        }

        var extension = found.Value;
        Id = existing;
        Urn = extension.Urn;
        Name = extension.Schema.Name;
        Description = extension.Schema.Description;
        ResourceType = extension.ResourceType;
        Required = extension.Required;
        Attributes = SchemaExtensionForm.RowsOf(extension);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var form = SchemaExtensionForm.From(Urn, Name, Description, Attributes);
        if (form.UnreadableRow is { } row)
        {
            ModelState.AddModelError(SchemaExtensionForm.RowBox(row, nameof(SchemaAttributeRow.SubAttributes)), T["Write the sub-attributes as a JSON array of attributes, e.g. {0}.", "[{\"name\": \"level\", \"type\": \"integer\"}]"]);
            return Page();
        }

        var draft = new SchemaExtensionDraft(ResourceType, Required, form.Schema);
        var saved = id is { } existing
            ? await change.UpdateAsync(Actor, existing, draft, cancellationToken)
            : await define.ExecuteAsync(Actor, draft, cancellationToken);
        if (saved.IsSuccess)
        {
            Notice = T["Schema extension '{0}' saved; SCIM clients see it from their next request.", saved.Value.Urn];
            return Redirect(IndexModel.Path);
        }

        if (saved.Error.Kind == AdminErrorKind.NotFound)
        {
            return Missing(T["There is no such schema extension in this organization."]);
        }

        foreach (var each in (AdminError[])[saved.Error, .. saved.Error.Also])
        {
            ShowError(each, form.BoxOf(each.Field));
        }

        return Page();
    }

    /// <summary>"Add attribute": the form again with everything typed and one more row.</summary>
    public IActionResult OnPostAddRow(Guid? id)
    {
        Id = id;
        ModelState.Clear();
        if (Attributes.Count < MaxRows)
        {
            Attributes.Add(new SchemaAttributeRow());
        }

        return Page();
    }

    /// <summary>"Remove": the form again with everything typed but that row.</summary>
    public IActionResult OnPostRemoveRow(Guid? id, int row)
    {
        Id = id;
        ModelState.Clear();
        if (row >= 0 && row < Attributes.Count)
        {
            Attributes.RemoveAt(row);
        }

        return Page();
    }
}
