using System.Text;
using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>bulk</c> (RFC 7644 section 3.7, only when asked for by name): one request at a time,
/// <c>bulk-users</c> sends POST /Bulk requests of 1,000 user creates each, and <c>bulk-group</c>
/// requests of 999 user creates plus the group that holds them all through bulkId references
/// (1,000 operations, a server's usual maxOperations). A request counts as answered right only
/// when every one of its operations says 201. The phase line's latencies are per bulk request.
/// </summary>
internal static class BulkPhase
{
    private const int Requests = 5;
    private const int Operations = 1000;

    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await RunAsync(context, "bulk-users", withGroup: false, cancellationToken);
        await RunAsync(context, "bulk-group", withGroup: true, cancellationToken);
    }

    private static async Task RunAsync(BenchContext context, string name, bool withGroup, CancellationToken cancellationToken)
    {
        PhaseRecorder recorder = context.BeginPhase(name, Requests);
        for (int request = 0; request < Requests && !cancellationToken.IsCancellationRequested; request++)
        {
            int users = withGroup ? Operations - 1 : Operations;
            byte[] body = Body(context.Names, $"{name}-{request}", users, withGroup);
            ScimResponse response = await context.Client.SendAsync(HttpMethod.Post, "Bulk", body, recorder, cancellationToken);
            if (response.IsSuccess && Count(response.Body, "\"status\":\"201\"") != Operations)
            {
                recorder.RecordWrongAnswer("not-all-created", response.Body);
            }
        }

        recorder.SetMetric("operationsPerRequest", Operations);
        context.Complete(recorder, cancellationToken);
    }

    private static byte[] Body(BenchNames names, string batch, int users, bool withGroup)
    {
        StringBuilder json = new("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[");
        for (int i = 0; i < users; i++)
        {
            string userName = names.UserName(0).Replace("-0@", $"-{batch}-{i}@", StringComparison.Ordinal);
            json.Append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u").Append(i)
                .Append("\",\"data\":{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"").Append(userName)
                .Append("\",\"name\":{\"givenName\":\"Bench\",\"familyName\":\"Bulk").Append(i)
                .Append("\"},\"emails\":[{\"value\":\"").Append(userName).Append("\",\"type\":\"work\",\"primary\":true}],\"active\":true}},");
        }

        if (withGroup)
        {
            json.Append("{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"g\",\"data\":{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"")
                .Append(names.GroupName(0)).Append('-').Append(batch).Append("\",\"members\":[");
            for (int i = 0; i < users; i++)
            {
                json.Append(i == 0 ? "" : ",").Append("{\"value\":\"bulkId:u").Append(i).Append("\"}");
            }

            json.Append("]}},");
        }

        json.Length--;
        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static int Count(byte[] body, string needle)
    {
        string text = Encoding.UTF8.GetString(body);
        int count = 0;
        for (int at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
