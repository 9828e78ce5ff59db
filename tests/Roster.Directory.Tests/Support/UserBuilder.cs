using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Directory.Tests.Support;

/// <summary>Builds User POST bodies: <c>new UserBuilder("bjensen").WithEmail("b@example.com").Build()</c>.</summary>
public sealed class UserBuilder(string userName)
{
    private readonly JsonObject _user = new()
    {
        ["schemas"] = new JsonArray(SchemaUris.User),
        ["userName"] = userName,
    };

    public UserBuilder WithExternalId(string externalId) => With("externalId", externalId);

    public UserBuilder WithDisplayName(string displayName) => With("displayName", displayName);

    public UserBuilder WithTitle(string title) => With("title", title);

    public UserBuilder WithActive(bool active) => With("active", active);

    public UserBuilder WithPassword(string password) => With("password", password);

    public UserBuilder WithName(string givenName, string familyName) =>
        With("name", new JsonObject { ["givenName"] = givenName, ["familyName"] = familyName });

    public UserBuilder WithEmail(string value, string type = "work", bool primary = false)
    {
        if (_user["emails"] is not JsonArray emails)
        {
            _user["emails"] = emails = [];
        }

        var email = new JsonObject { ["value"] = value, ["type"] = type };
        if (primary)
        {
            email["primary"] = true;
        }

        emails.Add(email);
        return this;
    }

    public UserBuilder WithEmployeeNumber(string employeeNumber)
    {
        _user["schemas"]!.AsArray().Add(SchemaUris.EnterpriseUser);
        _user[SchemaUris.EnterpriseUser] = new JsonObject { ["employeeNumber"] = employeeNumber };
        return this;
    }

    public UserBuilder With(string attribute, JsonNode? value)
    {
        _user[attribute] = value;
        return this;
    }

    public JsonObject Build() => (JsonObject)_user.DeepClone();
}
