using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// add, replace and remove on the values of a multi-valued attribute that a value filter
/// selects (<c>emails[type eq "work"]</c>), or on one sub-attribute of them
/// (<c>emails[type eq "work"].value</c>; without a filter, <c>emails.value</c> selects every
/// value), RFC 7644 section 3.5.2.
/// </summary>
internal static class SelectedValuesPatch
{
    public static void Apply(MultiValuedAttribute target, PatchOperationType type, FilterNode? filter, AttributeDefinition? sub, JsonNode? value)
    {
        var values = target.Values(create: type != PatchOperationType.Remove);
        if (values is null)
        {
            return;
        }

        var matched = values
            .Where(v => filter is null || FilterEvaluator.MatchesElement(filter, v, target.Definition))
            .ToList();
        var selected = matched.OfType<JsonObject>().ToList();
        if (type == PatchOperationType.Remove && sub is null && target.Definition.Type != AttributeType.Complex)
        {
            // A multi-valued simple attribute (an extension's list of strings): the filter's
            // "value" is the element itself (RFC 7644 section 3.5.2.2, tags[value eq "b"]).
            foreach (var element in matched)
            {
                values.Remove(element);
            }

            target.Finish(values, []);
        }
        else if (type == PatchOperationType.Remove)
        {
            Remove(target, values, selected, sub);
        }
        else if (sub is not null)
        {
            SetSubAttribute(target, values, selected, filter, sub, value);
        }
        else
        {
            Merge(target, type, values, selected, filter, value);
        }
    }

    private static void Remove(MultiValuedAttribute target, JsonArray values, List<JsonObject> selected, AttributeDefinition? sub)
    {
        foreach (var element in selected)
        {
            if (sub is not null)
            {
                var subPath = $"{target.Path}.{sub.Name}";
                MutabilityRule.EnsureChangeable(sub, ResourceProperties.Get(element, sub.Name), null, subPath);
                ResourceProperties.Remove(element, sub.Name);
            }

            if (sub is null || MultiValuedAttribute.IsHollow(element))
            {
                values.Remove(element);
            }
        }

        target.Finish(values, []);
    }

    private static void SetSubAttribute(
        MultiValuedAttribute target,
        JsonArray values,
        List<JsonObject> selected,
        FilterNode? filter,
        AttributeDefinition sub,
        JsonNode? value)
    {
        var subPath = $"{target.Path}.{sub.Name}";
        var replacement = AttributeValueConformer.Conform(value, sub, subPath);
        if (selected.Count == 0)
        {
            if (replacement is not null)
            {
                // Entra ID adds or replaces emails[type eq "work"].value (likewise phoneNumbers,
                // addresses) whether or not a work email exists yet; the filter's eq tests
                // describe the value to create, and sending it again updates that value in
                // place. Source: Microsoft Entra SCIM guide,
                // https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
                var created = Template(target, filter);
                created[sub.Name] = replacement;
                target.AddCreated(values, created);
            }

            target.Finish(values, []);
            return;
        }

        foreach (var element in selected)
        {
            MutabilityRule.EnsureChangeable(sub, ResourceProperties.Get(element, sub.Name), replacement, subPath);
            if (replacement is not null)
            {
                ResourceProperties.Set(element, sub.Name, replacement.DeepClone());
                continue;
            }

            ResourceProperties.Remove(element, sub.Name);
            if (MultiValuedAttribute.IsHollow(element))
            {
                values.Remove(element);
            }
        }

        target.Finish(values, replacement is null ? [] : selected);
    }

    private static void Merge(
        MultiValuedAttribute target,
        PatchOperationType type,
        JsonArray values,
        List<JsonObject> selected,
        FilterNode? filter,
        JsonNode? value)
    {
        if (AttributeValueConformer.IsClearing(value))
        {
            Remove(target, values, selected, null);
            return;
        }

        if (selected.Count == 0)
        {
            // RFC 7644 section 3.5.2.3: a replace whose filter matches nothing is noTarget. An
            // add creates the value the filter describes.
            if (type == PatchOperationType.Replace)
            {
                throw new ScimException(ScimError.NoTarget($"No value of '{target.Path}' matches [{Describe(filter)}], so there is nothing to replace."));
            }

            var created = Template(target, filter);
            ComplexValueMerge.Merge(created, value, target.Definition, target.Path);
            target.AddCreated(values, created);
            return;
        }

        // Each selected value is merged rather than overwritten (RFC 7644 section 3.5.2.3 for
        // complex values: "Sub-attributes that are not specified in the value parameter are left
        // unchanged"), so replace roles[value eq "Member"] with {"display": "x"}, as Entra ID
        // sends it, keeps the role's value.
        foreach (var element in selected)
        {
            ComplexValueMerge.Merge(element, value, target.Definition, target.Path);
            if (MultiValuedAttribute.IsHollow(element))
            {
                values.Remove(element);
            }
        }

        target.Finish(values, selected);
    }

    private static JsonObject Template(MultiValuedAttribute target, FilterNode? filter)
    {
        if (filter is null)
        {
            return [];
        }

        return ElementTemplate.From(filter, target.Definition)
            ?? throw new ScimException(ScimError.NoTarget(
                $"No value of '{target.Path}' matches [{Describe(filter)}]; a value can only be created for a filter made of 'eq' comparisons joined by 'and'."));
    }

    private static string Describe(FilterNode? filter) => filter is null ? "" : FilterFormatter.Format(filter);
}
