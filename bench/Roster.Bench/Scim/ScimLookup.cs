namespace Roster.Bench.Scim;

/// <summary>Finds one resource's id by an <c>eq</c> filter, as an IdP matches accounts it did not create.</summary>
internal static class ScimLookup
{
    public static string UserByName(string userName)
    {
        return "Users?filter=" + Uri.EscapeDataString($"userName eq \"{userName}\"");
    }

    public static async Task<string?> FindIdAsync(ScimClient client, string uri, CancellationToken cancellationToken)
    {
        ScimResponse response = await client.SendAsync(HttpMethod.Get, uri, null, null, cancellationToken);
        return response.IsSuccess ? ListResponsePage.FirstResourceId(response.Body) : null;
    }
}
