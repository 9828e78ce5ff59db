using Roster.Directory.Tenants;
using Roster.Directory.Tokens;

namespace Roster.Cli.Commands;

/// <summary>What a person needs to connect an IdP, printed once.</summary>
public static class Banner
{
    public static void Print(Tenant tenant, string connectorUrl, IssuedScimToken token)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(token);
        Console.WriteLine($"Tenant:               {tenant.Name} (org ID {tenant.Id})");
        Console.WriteLine($"Base connector URL:   {connectorUrl}");
        Console.WriteLine($"SCIM token:           {token.Token}");
        Console.WriteLine($"Token expires:        {token.Expires:yyyy-MM-dd}");
        Console.WriteLine("The token is shown only now: copy it into your identity provider.");
    }
}
