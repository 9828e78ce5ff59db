using Roster.Directory.Onboarding;
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

    /// <summary>The way into the console: the setup link of the first administrator.</summary>
    public static void PrintSetupLink(string publicBaseUrl, IssuedSetupLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        Console.WriteLine($"Setup link:           {SetupLinkTokens.Link(publicBaseUrl, link.Token)}");
        Console.WriteLine($"Link expires:         {link.Expires:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("Open the setup link in a browser to create the first administrator (your email, name and password) and sign in to the console.");
        Console.WriteLine($"It works once; 'roster admin-link --tenant {link.TenantId}' makes a new one while the organization has no administrator.");
    }
}
