using System.Text;

namespace Roster.MicroBench;

/// <summary>The request bodies the load generator sends (bench/Roster.Bench's ScimRequestBody): Okta's and Entra ID's shapes.</summary>
public static class SampleBodies
{
    public static byte[] CreateUser(string userName) => Encoding.UTF8.GetBytes(
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"," +
        "\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User1\"}," +
        "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}],\"active\":true,\"externalId\":\"ext-1\"}");

    /// <summary>Okta's deactivation: lower-case op, no path, the attribute inside an object value.</summary>
    public static byte[] OktaDeactivate { get; } = Encoding.UTF8.GetBytes(
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");

    /// <summary>Entra ID's rename: a capitalised op and a path.</summary>
    public static byte[] EntraRename { get; } = Encoding.UTF8.GetBytes(
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Renamed\"}]}");
}
