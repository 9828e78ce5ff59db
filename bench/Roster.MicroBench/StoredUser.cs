namespace Roster.MicroBench;

/// <summary>A user as the database holds it (the create body of <see cref="SampleBodies.CreateUser"/>, stored).</summary>
public static class StoredUser
{
    public static Guid Id { get; } = Guid.Parse("019af0a1-7c3e-7d55-9a31-2f0c6b1e4a77");

    public const string Document =
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"019af0a1-7c3e-7d55-9a31-2f0c6b1e4a77\"," +
        "\"userName\":\"ada.lovelace@example.com\",\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User1\"}," +
        "\"emails\":[{\"value\":\"ada.lovelace@example.com\",\"type\":\"work\",\"primary\":true}],\"active\":true,\"externalId\":\"ext-1\"}";
}
