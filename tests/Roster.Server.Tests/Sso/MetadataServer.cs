using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// Kestrel on a loopback port answering what a broken or hostile "metadata URL" might: far too
/// much (<c>/big</c>, without a Content-Length), JSON (<c>/json</c>), XML with a DTD (<c>/dtd</c>)
/// and an IdP's metadata without a signing certificate (<c>/unsigned</c>).
/// </summary>
public sealed class MetadataServer : IAsyncDisposable
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<MetadataServer> StartNewAsync()
    {
        var server = new MetadataServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/big", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/xml";
            var chunk = System.Text.Encoding.UTF8.GetBytes("<!-- " + new string('x', 1000) + " -->\n");
            await context.Response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://big.example.com\">"));
            for (var i = 0; i < 400; i++)
            {
                await context.Response.Body.WriteAsync(chunk);
            }
        });
        app.MapGet("/json", () => Results.Json(new { issuer = "https://idp.example.com" }));
        app.MapGet("/dtd", () => Results.Text("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&e;\"/>", "application/xml"));
        app.MapGet("/unsigned", () => Results.Text(
            "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.com\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" +
            "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp.example.com/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>",
            "application/samlmetadata+xml"));
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._app = app;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
