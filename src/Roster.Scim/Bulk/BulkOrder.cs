using System.Net;
using Roster.Scim.Errors;

namespace Roster.Scim.Bulk;

/// <summary>
/// The order a bulk request's operations run in: request order, except that an operation runs
/// after the POSTs whose bulkIds it refers to (a forward reference, RFC 7644 section 3.7.2).
/// Operations whose references form a cycle (group A has member B, group B has member A, by
/// bulkId) are refused with 409 (section 3.7.1 allows it: the service provider "MAY stop after a
/// failed attempt and instead return HTTP status code 409"), as are references to a bulkId no
/// POST of the request defines; the other operations run.
/// </summary>
public static class BulkOrder
{
    /// <summary>The operations in the order to run them, each with the error that stops it before it runs, if any.</summary>
    public static IReadOnlyList<(BulkOperation Operation, ScimError? Refused)> Plan(IReadOnlyList<BulkOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var definedBy = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (operation is { Invalid: null, Method: "POST", BulkId: { } bulkId })
            {
                definedBy.TryAdd(bulkId, operation.Index);
            }
        }

        var refused = new ScimError?[operations.Count];
        var state = new byte[operations.Count]; // 0 unseen, 1 on the path, 2 placed
        var order = new List<int>(operations.Count);
        for (var start = 0; start < operations.Count; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            // Depth first, dependencies placed before the operation that needs them; a reference
            // back to an operation still on the path closes a cycle, and every operation on it is refused.
            var path = new Stack<(int Node, IEnumerator<string> Next)>();
            state[start] = 1;
            path.Push((start, operations[start].References.GetEnumerator()));
            while (path.Count > 0)
            {
                var (node, next) = path.Peek();
                if (operations[node].Invalid is null && next.MoveNext())
                {
                    var bulkId = next.Current;
                    if (!definedBy.TryGetValue(bulkId, out var target))
                    {
                        refused[node] ??= Conflict($"The bulkId '{bulkId}' is not defined by any POST of this request that could run; a reference must name the bulkId of a POST in the same request.");
                    }
                    else if (state[target] == 1)
                    {
                        foreach (var (member, _) in path.TakeWhile(p => p.Node != target).Append((target, null!)))
                        {
                            refused[member] ??= Conflict($"The operation's bulkId references form a cycle (through bulkId '{bulkId}'); Roster does not resolve circular references (RFC 7644 section 3.7.1). Create the resources first, then link them with PATCH.");
                        }
                    }
                    else if (state[target] == 0)
                    {
                        state[target] = 1;
                        path.Push((target, operations[target].References.GetEnumerator()));
                    }

                    continue;
                }

                path.Pop();
                state[node] = 2;
                order.Add(node);
            }
        }

        return [.. order.Select(i => (operations[i], operations[i].Invalid ?? refused[i]))];
    }

    /// <summary>A 409 <c>invalidValue</c>: the operation's reference cannot be resolved.</summary>
    public static ScimError Conflict(string detail) => new(HttpStatusCode.Conflict, ScimErrorTypes.InvalidValue, detail);
}
