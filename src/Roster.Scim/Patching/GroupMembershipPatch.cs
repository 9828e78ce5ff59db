using System.Globalization;
using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// Splits a Group PATCH into attribute operations and <see cref="MembershipChange"/>s, because
/// memberships are stored as rows and a group may have 100,000 members. Every shape Okta and
/// Entra ID send is recognised: <c>add</c> with path <c>members</c>; <c>add</c> or
/// <c>replace</c> without a path and a <c>members</c> member; <c>remove</c> with
/// <c>members[value eq "id"]</c>; <c>remove</c> with path <c>members</c> and the members as the
/// value; <c>remove</c> of <c>members</c> alone (all of them); <c>replace</c> of <c>members</c>.
/// Sources: Okta SCIM 2.0 guide, https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20 ;
/// Microsoft Entra SCIM guide, https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
/// </summary>
public static class GroupMembershipPatch
{
    private const string Members = "members";

    /// <summary>The plan, or a 400 for member values that are not non-empty ids, or member paths storage cannot apply.</summary>
    public static ScimResult<GroupPatchPlan> Split(IReadOnlyList<PatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var attributeOperations = new List<PatchOperation>();
        var membershipChanges = new List<MembershipChange>();
        try
        {
            foreach (var operation in operations)
            {
                if (operation.Path is null)
                {
                    SplitWithoutPath(operation, attributeOperations, membershipChanges);
                }
                else if (IsMembers(operation.Path.Attribute))
                {
                    membershipChanges.Add(ReadMemberPath(operation));
                }
                else
                {
                    attributeOperations.Add(operation);
                }
            }
        }
        catch (ScimException e)
        {
            return e.Error;
        }

        return new GroupPatchPlan(attributeOperations, membershipChanges);
    }

    private static void SplitWithoutPath(PatchOperation operation, List<PatchOperation> attributeOperations, List<MembershipChange> membershipChanges)
    {
        if (operation.Value is not JsonObject attributes)
        {
            attributeOperations.Add(operation);
            return;
        }

        var others = new JsonObject();
        foreach (var (name, value) in attributes)
        {
            if (!IsMembersKey(name))
            {
                others[name] = value?.DeepClone();
                continue;
            }

            var members = ReadReferences(value);
            if (operation.Type == PatchOperationType.Replace)
            {
                membershipChanges.Add(new ReplaceMembers(members));
            }
            else if (members.Count > 0)
            {
                membershipChanges.Add(new AddMembers(members));
            }
        }

        if (others.Count > 0)
        {
            attributeOperations.Add(operation with { Value = others });
        }
    }

    private static MembershipChange ReadMemberPath(PatchOperation operation)
    {
        var path = operation.Path!;
        if (path.Attribute.SubAttribute is not null || path.SubAttribute is not null)
        {
            throw InvalidMemberPath(path, "a member's sub-attributes cannot be changed: add or remove the member instead");
        }

        if (path.ValueFilter is not null)
        {
            if (operation.Type != PatchOperationType.Remove)
            {
                throw InvalidMemberPath(path, "a value filter on members can only be used to remove members");
            }

            // Entra ID and Okta: {"op": "remove", "path": "members[value eq \"id\"]"}.
            return MemberIds(path.ValueFilter) is { } ids
                ? new RemoveMembers(ids)
                : new RemoveMembersMatching(path.ValueFilter);
        }

        return operation.Type switch
        {
            PatchOperationType.Add => new AddMembers(ReadReferences(operation.Value)),
            PatchOperationType.Replace => new ReplaceMembers(ReadReferences(operation.Value)),

            // RFC 7644 section 3.5.2.2: remove of "members" removes them all; with a value
            // (Okta, Entra ID), only the members it lists.
            _ when operation.Value is null => new RemoveAllMembers(),
            _ => new RemoveMembers([.. ReadReferences(operation.Value).Select(m => m.Value)]),
        };
    }

    /// <summary>The ids of <c>value eq "a"</c> or <c>value eq "a" or value eq "b" ...</c>; null for any other filter.</summary>
    private static List<string>? MemberIds(FilterNode filter)
    {
        IEnumerable<FilterNode> terms = filter is LogicalFilter { Operator: LogicalOperator.Or } or ? or.FlattenOperands() : [filter];
        var ids = new List<string>();
        foreach (var term in terms)
        {
            if (term is not ComparisonFilter
                {
                    Operator: ComparisonOperator.Equal,
                    Attribute: { SchemaUrn: null, SubAttribute: null } attribute,
                    Value: { Kind: FilterLiteralKind.String, Text: { } id },
                }
                || !string.Equals(attribute.Name, "value", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (id.Length == 0)
            {
                throw new ScimException(ScimError.InvalidValue("A member's value must be a non-empty id; the filter compares it with \"\"."));
            }

            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static List<MemberReference> ReadReferences(JsonNode? value)
    {
        var references = new List<MemberReference>();
        if (value is null)
        {
            return references;
        }

        IEnumerable<JsonNode?> items = value is JsonArray array ? array : new[] { value };
        var index = 0;
        foreach (var item in items)
        {
            var reference = ReadReference(item, index++);
            if (!references.Exists(r => string.Equals(r.Value, reference.Value, StringComparison.Ordinal)))
            {
                references.Add(reference);
            }
        }

        return references;
    }

    private static MemberReference ReadReference(JsonNode? item, int index)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"members[{index}]");
        if (item is not JsonObject member)
        {
            throw new ScimException(ScimError.InvalidValue($"'{where}' must be an object such as {{\"value\": \"<id>\"}}."));
        }

        if (!JsonStrings.TryGet(ResourceProperties.Get(member, "value"), out var id) || id.Trim().Length == 0)
        {
            throw new ScimException(ScimError.InvalidValue($"'{where}.value' must be the member's id, a non-empty string."));
        }

        string? type = null;
        if (JsonStrings.TryGet(ResourceProperties.Get(member, "type"), out var text) && text.Length > 0)
        {
            type = MemberTypes.FirstOrDefault(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase))
                ?? throw new ScimException(ScimError.InvalidValue($"'{where}.type' is \"{text}\"; it must be \"User\" or \"Group\"."));
        }

        return new MemberReference(id.Trim(), type);
    }

    private static IReadOnlyList<string> MemberTypes => ScimSchemas.Group.FindAttribute(Members)!.FindSubAttribute("type")!.CanonicalValues;

    private static bool IsMembers(AttributePath path) =>
        string.Equals(path.Name, Members, StringComparison.OrdinalIgnoreCase)
        && (path.SchemaUrn is null || string.Equals(path.SchemaUrn, SchemaUris.Group, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a member of a value without a path names <c>members</c> as a whole.</summary>
    private static bool IsMembersKey(string name)
    {
        var key = AttributeKey.Classify(name, ScimResourceTypes.Group);
        if (key.Kind == AttributeKeyKind.ValuePath)
        {
            var path = PatchPathParser.Parse(name).GetValueOrThrow();
            if (IsMembers(path.Attribute))
            {
                throw InvalidMemberPath(path, "members can only be added or replaced as whole values in a value without a path");
            }

            return false;
        }

        if (key.Kind != AttributeKeyKind.Attribute || !IsMembers(new AttributePath(null, key.Resolution!.Attribute.Name)))
        {
            return false;
        }

        if (key.Resolution.SubAttribute is not null)
        {
            throw new ScimException(ScimError.InvalidPath($"'{name}': a member's sub-attributes cannot be changed: add or remove the member instead."));
        }

        return true;
    }

    private static ScimException InvalidMemberPath(PatchPath path, string problem) =>
        new(ScimError.InvalidPath($"'{path}': {problem}."));
}
