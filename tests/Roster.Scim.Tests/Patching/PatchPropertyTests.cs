using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Roster.Scim.Filtering;
using Roster.Scim.Patching;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;
using Roster.Scim.Tests.Hostile;

namespace Roster.Scim.Tests.Patching;

/// <summary>
/// Algebraic properties of the PATCH engine over generated values: adding an attribute the
/// resource lacks and removing it again gives back the resource; adding a new element to a
/// multi-valued attribute and removing it by a value filter does too; a replace applied twice
/// changes nothing the second time.
/// </summary>
public sealed class PatchPropertyTests
{
    private const string Enterprise = SchemaUris.EnterpriseUser;

    private static readonly string[] AbsentSingularPaths =
        ["nickName", "title", "userType", "preferredLanguage", "locale", "timezone", "profileUrl", "name.middleName", "name.honorificPrefix",
         $"{Enterprise}:costCenter", $"{Enterprise}:department", $"{Enterprise}:division", $"{Enterprise}:organization"];

    private static readonly string[] ReplacePaths =
        ["displayName", "nickName", "title", "active", "name", "name.givenName", "emails", "phoneNumbers", "roles", "externalId", "userName",
         $"{Enterprise}:employeeNumber", $"{Enterprise}:manager", $"{Enterprise}:manager.value", Enterprise, "emails.type", "emails[type eq \"work\"].value"];

    [HostileProperty(1000)]
    public Property Adding_an_absent_attribute_then_removing_it_restores_the_resource(NonEmptyString text, int pathIndex)
    {
        var path = AbsentSingularPaths[Math.Abs(pathIndex % AbsentSingularPaths.Length)];
        var value = "v" + text.Get;
        var stored = StoredResources.User();

        var added = Apply(stored, new PatchOperation(PatchOperationType.Add, Path(path), JsonValue.Create(value)));
        var removed = added.IsSuccess ? Apply(added.Value, new PatchOperation(PatchOperationType.Remove, Path(path), null)) : added;

        return (removed.IsSuccess && JsonNode.DeepEquals(stored, removed.Value))
            .Label($"{path} = {HostileCall.Show(value)}: {(removed.IsSuccess ? removed.Value.ToJsonString() : removed.Error.Detail)}");
    }

    [HostileProperty(1000)]
    public Property Adding_an_element_then_removing_it_by_value_filter_restores_the_resource(NonEmptyString text, bool typed)
    {
        var value = "new-" + text.Get;
        var element = new JsonObject { ["value"] = value };
        if (typed)
        {
            element["type"] = "other";
        }

        var stored = StoredResources.User();
        var filter = new ComparisonFilter(new AttributePath(null, "value"), ComparisonOperator.Equal, FilterLiteral.FromString(value));

        var added = Apply(stored, new PatchOperation(PatchOperationType.Add, Path("emails"), new JsonArray(element)));
        var removed = added.IsSuccess
            ? Apply(added.Value, new PatchOperation(PatchOperationType.Remove, new PatchPath(new AttributePath(null, "emails"), filter), null))
            : added;

        return (removed.IsSuccess && JsonNode.DeepEquals(stored, removed.Value))
            .Label($"{HostileCall.Show(value)}: {(removed.IsSuccess ? removed.Value.ToJsonString() : removed.Error.Detail)}");
    }

    [HostileProperty(2000)]
    public Property Replace_is_idempotent(int pathIndex, JsonText value)
    {
        var path = ReplacePaths[Math.Abs(pathIndex % ReplacePaths.Length)];
        var parsed = RequestBodyParser.Parse(System.Text.Encoding.UTF8.GetBytes("{\"v\":" + value.Text + "}"));
        if (!parsed.IsSuccess)
        {
            return true.ToProperty();
        }

        var operation = new PatchOperation(PatchOperationType.Replace, Path(path), parsed.Value["v"]?.DeepClone());
        var once = Apply(StoredResources.User(), operation);
        if (!once.IsSuccess)
        {
            return true.ToProperty();
        }

        var twice = Apply(once.Value, operation);
        return (twice.IsSuccess && JsonNode.DeepEquals(once.Value, twice.Value))
            .Label($"replace {path} with {value.Text}: once {once.GetValueOrThrow().ToJsonString()}, twice {(twice.IsSuccess ? twice.Value.ToJsonString() : twice.Error.Detail)}");
    }

    private static Roster.Scim.Errors.ScimResult<JsonObject> Apply(JsonObject resource, PatchOperation operation) =>
        PatchEngine.Apply(resource, [operation], ScimResourceTypes.User);

    private static PatchPath Path(string text) => PatchPathParser.Parse(text).GetValueOrThrow();
}
