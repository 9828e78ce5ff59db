using System.Text.Json.Nodes;

using Roster.Scim.Resources;

namespace Roster.Scim.Patching;

/// <summary>add, replace and remove on a whole multi-valued attribute (<c>emails</c>, <c>members</c>), RFC 7644 section 3.5.2.</summary>
internal static class WholeValuesPatch
{
    public static void Apply(MultiValuedAttribute target, PatchOperationType type, JsonNode? value)
    {
        switch (type)
        {
            case PatchOperationType.Add:
                Add(target, value);
                break;
            case PatchOperationType.Replace:
                // RFC 7644 section 3.5.2.3: without a filter, the whole set of values is replaced.
                target.Replace(AttributeValueConformer.ConformMultiValued(value, target.Definition, target.Path));
                break;
            default:
                Remove(target, value);
                break;
        }
    }

    private static void Add(MultiValuedAttribute target, JsonNode? value)
    {
        var incoming = AttributeValueConformer.ConformMultiValued(value, target.Definition, target.Path);
        if (incoming is null)
        {
            return;
        }

        var values = target.Values(create: true)!;
        var touched = new List<JsonNode>();
        foreach (var candidate in incoming)
        {
            var added = candidate!.DeepClone();
            var same = ValueEquality.FindSame(values, added, target.Definition);
            if (same is null)
            {
                values.Add(added);
                touched.Add(added);
            }
            else if (same is JsonObject existing && added is JsonObject fields)
            {
                // The value is already there (RFC 7644 section 3.5.2.1: "no changes SHOULD be
                // made"): equal sub-attributes keep their stored spelling, and only what the
                // client adds about the value (primary, display) is merged in.
                foreach (var (name, field) in fields.ToList())
                {
                    if (ValueEquality.AreEqual(ResourceProperties.Get(existing, name), field, target.Definition.FindSubAttribute(name)))
                    {
                        fields.Remove(name);
                    }
                }

                ComplexValueMerge.Merge(existing, fields, target.Definition, target.Path);
                touched.Add(existing);
            }
        }

        target.Finish(values, touched);
    }

    private static void Remove(MultiValuedAttribute target, JsonNode? value)
    {
        if (value is null)
        {
            target.Replace(null);
            return;
        }

        var values = target.Values(create: false);
        if (values is null)
        {
            return;
        }

        // Not in RFC 7644, but Okta and Entra ID send "remove" with path "members" and the
        // values to remove: {"op": "remove", "path": "members", "value": [{"value": "id"}]}.
        // Sources: Okta SCIM 2.0 guide, https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20 ;
        // Microsoft Entra SCIM guide, https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
        IEnumerable<JsonNode?> patterns = value is JsonArray array ? array : new[] { value };
        foreach (var pattern in patterns)
        {
            if (AttributeValueConformer.ConformElement(pattern, target.Definition, target.Path) is { } conformed)
            {
                for (var i = values.Count - 1; i >= 0; i--)
                {
                    if (ValueEquality.Contains(values[i], conformed, target.Definition))
                    {
                        values.RemoveAt(i);
                    }
                }
            }
        }

        target.Finish(values, []);
    }
}
