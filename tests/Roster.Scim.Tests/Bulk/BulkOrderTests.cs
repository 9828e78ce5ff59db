using System.Net;
using System.Text;
using Roster.Scim.Bulk;

namespace Roster.Scim.Tests.Bulk;

public sealed class BulkOrderTests
{
    private static BulkRequest Read(string operations, int maxOperations = 1000)
    {
        var read = BulkRequestReader.Read(Encoding.UTF8.GetBytes($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{operations}}]}"""), maxOperations, 64);
        Assert.True(read.IsSuccess, read.Error?.Detail);
        return read.Value;
    }

    private static string Group(string bulkId, params string[] members) =>
        $$"""{"method":"POST","path":"/Groups","bulkId":"{{bulkId}}","data":{"displayName":"{{bulkId}}","members":[{{string.Join(",", members.Select(m => $$$"""{"value":"bulkId:{{{m}}}"}"""))}}]} }""";

    [Fact]
    public void An_operation_runs_after_the_posts_it_refers_to_and_the_rest_keep_request_order()
    {
        var plan = BulkOrder.Plan(Read(string.Join(",", Group("a", "c"), Group("b"), Group("c", "d"), Group("d"))).Operations);

        Assert.Equal(["d", "c", "a", "b"], plan.Select(p => p.Operation.BulkId));
        Assert.All(plan, p => Assert.Null(p.Refused));
    }

    [Fact]
    public void Every_operation_of_a_cycle_is_refused_with_409_and_the_others_are_not()
    {
        var plan = BulkOrder.Plan(Read(string.Join(",", Group("a", "b"), Group("b", "c"), Group("c", "a"), Group("self", "self"), Group("free"), Group("after", "a"))).Operations)
            .ToDictionary(p => p.Operation.BulkId!, p => p.Refused);

        Assert.All(new[] { "a", "b", "c", "self" }, id => Assert.Equal(HttpStatusCode.Conflict, plan[id]?.Status));
        Assert.Equal("invalidValue", plan["a"]?.ScimType);
        Assert.Null(plan["free"]);

        // It refers to a POST that will be refused: it fails when it runs, saying so.
        Assert.Null(plan["after"]);
    }

    [Fact]
    public void Operations_are_counted_before_the_body_is_parsed()
    {
        var body = Encoding.UTF8.GetBytes("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{},{},{}, this is not JSON""");

        var read = BulkRequestReader.Read(body, maxOperations: 2, maxDepth: 64);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, read.Error?.Status);
    }

    [Fact]
    public void A_repeated_bulkId_fails_the_later_operation_alone()
    {
        var operations = Read(string.Join(",", Group("x"), Group("x"))).Operations;

        Assert.Null(operations[0].Invalid);
        Assert.Equal(HttpStatusCode.BadRequest, operations[1].Invalid?.Status);
    }
}
