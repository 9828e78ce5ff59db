using System.Globalization;
using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Resources;

namespace Roster.Scim.Patching;

/// <summary>
/// Reads the body of a PATCH request (RFC 7644 section 3.5.2, message
/// <c>urn:ietf:params:scim:api:messages:2.0:PatchOp</c>) into parsed
/// <see cref="PatchOperation"/>s. Lenient where IdPs deviate harmlessly (member names and
/// <c>op</c> values in any case, <c>schemas</c> missing or misspelled), strict where the intent is
/// unclear: no <c>Operations</c> array, an unknown <c>op</c>, a <c>remove</c> without a path.
/// </summary>
public static class PatchRequestReader
{
    /// <summary>The default limit on operations per request.</summary>
    public const int DefaultMaxOperations = 1000;

    /// <summary>Reads and validates the request body.</summary>
    /// <param name="body">The parsed JSON body.</param>
    /// <param name="maxOperations">More operations than this is a 413.</param>
    public static ScimResult<IReadOnlyList<PatchOperation>> Read(JsonNode? body, int maxOperations = DefaultMaxOperations)
    {
        if (body is not JsonObject request)
        {
            return ScimError.InvalidSyntax("A PATCH request body must be a JSON object with an \"Operations\" array.");
        }

        // The "schemas" member is not checked: clients omit it or misspell the PatchOp URN, and
        // nothing else could be meant by a PATCH body with "Operations".
        if (ResourceProperties.Get(request, "Operations") is not JsonArray operations)
        {
            return ScimError.InvalidSyntax("The PATCH request has no \"Operations\" array.");
        }

        // RFC 7644 section 3.5.2: "an array of one or more PATCH operations".
        if (operations.Count == 0)
        {
            return ScimError.InvalidSyntax("The PATCH request's \"Operations\" array is empty; it needs at least one operation.");
        }

        // 413 as for a Bulk request over maxOperations (RFC 7644 section 3.7.4): a PATCH is a batch
        // of operations too, and the client's remedy is the same, to split it. "tooMany" (Table 9)
        // is about a filter yielding too many results, and a 400 would read as a malformed request.
        if (operations.Count > maxOperations)
        {
            return ScimError.PayloadTooLarge(string.Create(
                CultureInfo.InvariantCulture,
                $"The PATCH request has {operations.Count:N0} operations; this server takes at most {maxOperations:N0} per request: split it into several PATCH requests."));
        }

        var result = new List<PatchOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = ReadOperation(operations[i], i + 1);
            if (!operation.IsSuccess)
            {
                return operation.Error;
            }

            result.Add(operation.Value);
        }

        return result;
    }

    private static ScimResult<PatchOperation> ReadOperation(JsonNode? node, int number)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"Operation {number}");
        if (node is not JsonObject operation)
        {
            return ScimError.InvalidSyntax($"{where} is not a JSON object.");
        }

        var type = ReadType(operation, where);
        if (!type.IsSuccess)
        {
            return type.Error;
        }

        PatchPath? path = null;
        if (ResourceProperties.TryGet(operation, "path", out _, out var pathNode) && pathNode is not null)
        {
            if (!JsonStrings.TryGet(pathNode, out var text))
            {
                return ScimError.InvalidPath($"{where}: \"path\" must be a string.");
            }

            // An empty path is read as no path (some clients send "path": "" for the resource).
            if (!string.IsNullOrWhiteSpace(text))
            {
                var parsed = PatchPathParser.Parse(text);
                if (!parsed.IsSuccess)
                {
                    return parsed.Error with { Detail = $"{where}: {parsed.Error.Detail}" };
                }

                path = parsed.Value;
            }
        }

        var hasValue = ResourceProperties.TryGet(operation, "value", out _, out var value);
        switch (type.Value)
        {
            case PatchOperationType.Remove when path is null:
                // RFC 7644 section 3.5.2.2: remove without a path fails with noTarget.
                return ScimError.NoTarget($"{where}: \"remove\" needs a \"path\" naming what to remove.");
            case PatchOperationType.Add or PatchOperationType.Replace when !hasValue:
                return ScimError.InvalidValue($"{where}: \"{Name(type.Value)}\" needs a \"value\".");
            case PatchOperationType.Add or PatchOperationType.Replace when path is null && value is not JsonObject:
                return ScimError.InvalidValue(
                    $"{where}: \"{Name(type.Value)}\" without a \"path\" needs an object of attributes as its \"value\".");
        }

        return new PatchOperation(type.Value, path, value?.DeepClone());
    }

    private static ScimResult<PatchOperationType> ReadType(JsonObject operation, string where)
    {
        if (!JsonStrings.TryGet(ResourceProperties.Get(operation, "op"), out var op))
        {
            return ScimError.InvalidSyntax($"{where} has no \"op\"; it must be \"add\", \"remove\" or \"replace\".");
        }

        // Entra ID sends "Add", "Replace" and "Remove" capitalised unless the aadOptscim062020
        // flag is set. Source: "Known issues and resolutions with SCIM 2.0 protocol compliance of
        // the Microsoft Entra user provisioning service",
        // https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
        var text = op.Trim();
        if (string.Equals(text, "add", StringComparison.OrdinalIgnoreCase))
        {
            return PatchOperationType.Add;
        }

        if (string.Equals(text, "remove", StringComparison.OrdinalIgnoreCase))
        {
            return PatchOperationType.Remove;
        }

        if (string.Equals(text, "replace", StringComparison.OrdinalIgnoreCase))
        {
            return PatchOperationType.Replace;
        }

        // The op is part of the message's structure, not an attribute value: invalidSyntax.
        return ScimError.InvalidSyntax($"{where} has \"op\": \"{text}\"; it must be \"add\", \"remove\" or \"replace\".");
    }

    private static string Name(PatchOperationType type) => type switch
    {
        PatchOperationType.Add => "add",
        PatchOperationType.Remove => "remove",
        _ => "replace",
    };
}
