using System.Net;
using Roster.Directory.Tests.Support;
using Roster.Scim.Errors;

namespace Roster.Directory.Tests.Filtering;

public sealed class FilterErrorTests
{
    [Theory]
    [InlineData("Users", "nickname2 eq \"x\"", "nickname2")]
    [InlineData("Users", "name.middle eq \"x\"", "name.middle")]
    [InlineData("Users", "urn:example:unknown:2.0:User:badge eq \"x\"", "badge")]
    [InlineData("Users", "members eq \"x\"", "members")]
    [InlineData("Users", "emails[kind eq \"work\"]", "kind")]
    [InlineData("Users", "active gt \"true\"", "boolean")]
    [InlineData("Users", "active co \"t\"", "boolean")]
    [InlineData("Users", "active eq \"yes\"", "boolean")]
    [InlineData("Users", "name gt \"x\"", "complex")]
    [InlineData("Users", "name eq \"x\"", "complex")]
    [InlineData("Users", "emails gt \"a\"", "complex")]
    [InlineData("Users", "userName eq true", "string")]
    [InlineData("Users", "meta.created gt \"yesterday\"", "dateTime")]
    [InlineData("Users", "meta.location eq \"https://x\"", "meta.location")]
    [InlineData("Users", "userName[value eq \"x\"]", "complex")]
    [InlineData("Groups", "userName eq \"x\"", "userName")]
    [InlineData("Groups", "members.$ref eq \"x\"", "$ref")]
    public async Task A_filter_the_schema_cannot_support_is_400_invalidFilter_saying_why(string resource, string filter, string mentioned)
    {
        await using var directory = await TestDirectory.CreateAsync();
        var store = resource == "Users" ? (Resources.IScimResourceStore)directory.Users : directory.Groups;

        var error = (await store.ListAsync(directory.Caller, Requests.Query(filter), CancellationToken.None)).Failed();

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(ScimErrorTypes.InvalidFilter, error.ScimType);
        Assert.Contains(mentioned, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_an_unknown_attribute_is_400()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var error = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "shoeSize"), CancellationToken.None)).Failed();

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("shoeSize", error.Detail, StringComparison.Ordinal);
    }
}
