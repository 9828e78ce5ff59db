using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// Real identity providers on loopback, run by Node from <c>tests/sso-idp</c> (its packages come
/// from <c>npm ci</c>, which scripts/test.sh runs): an OpenID provider (<c>oidc-provider</c>, a
/// certified OP, with open dynamic client registration) and SAML 2.0 identity providers made with
/// samlify, each with the signing key a test gives it. The process ends with the tests: its
/// standard input is closed.
/// </summary>
public sealed class TestIdentityProviders : IAsyncLifetime
{
    private Process? _node;

    /// <summary>The OpenID provider's issuer, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string OidcIssuer { get; private set; } = "";

    /// <summary>The SAML identity providers' base URL.</summary>
    public string SamlBase { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "sso-idp");
        if (!System.IO.Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException($"The test identity providers' packages are not installed: run 'npm ci' in {folder} (scripts/test.sh does).");
        }

        var start = new ProcessStartInfo("node", "identity-providers.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        _node = Process.Start(start) ?? throw new InvalidOperationException("Node could not be started.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _node.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("The test identity providers ended before they started.");
        var urls = JsonNode.Parse(line)!;
        OidcIssuer = (string)urls["oidc"]!;
        SamlBase = (string)urls["saml"]!;
    }

    /// <summary>A new SAML IdP signing with <paramref name="key"/>; <paramref name="entityId"/> lets two IdPs claim one entity ID (another key, the same name).</summary>
    public async Task<SamlIdp> CreateSamlIdpAsync(SamlKey key, string? entityId = null, bool wantAuthnRequestsSigned = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        var body = new JsonObject { ["certificate"] = key.CertificatePem, ["privateKey"] = key.PrivateKeyPem, ["wantAuthnRequestsSigned"] = wantAuthnRequestsSigned };
        if (entityId is not null)
        {
            body["entityId"] = entityId;
        }

        var created = await PostAsync($"{SamlBase}/control/saml/idps", body);
        return new SamlIdp((string)created["id"]!, (string)created["entityId"]!, (string)created["ssoUrl"]!, key);
    }

    /// <summary>Registers Roster's SP (read from its metadata URL) with <paramref name="idp"/>; the IdP signs the assertion, and the Response too when <paramref name="signResponse"/>, or nothing when <paramref name="signAssertion"/> is false.</summary>
    public async Task AddSamlSpAsync(SamlIdp idp, string metadataUrl, bool signAssertion = true, bool signResponse = false)
    {
        ArgumentNullException.ThrowIfNull(idp);
        await PostAsync($"{SamlBase}/control/saml/{idp.Id}/sps", new JsonObject { ["metadataUrl"] = metadataUrl, ["wantAssertionsSigned"] = signAssertion, ["wantMessageSigned"] = signResponse });
    }

    private static async Task<JsonNode> PostAsync(string url, JsonObject body)
    {
        using var http = new HttpClient();
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var response = await http.PostAsync(new Uri(url), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Registers a confidential client with the OpenID provider (RFC 7591); its client ID and secret.</summary>
    public async Task<(string ClientId, string ClientSecret)> RegisterClientAsync(string redirectUri)
    {
        using var http = new HttpClient();
        var registration = new JsonObject
        {
            ["redirect_uris"] = new JsonArray(redirectUri),
            ["response_types"] = new JsonArray("code"),
            ["grant_types"] = new JsonArray("authorization_code"),
            ["token_endpoint_auth_method"] = "client_secret_basic",
        };
        using var content = new StringContent(registration.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var response = await http.PostAsync(new Uri($"{OidcIssuer}/reg"), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var client = JsonNode.Parse(body)!;
        return ((string)client["client_id"]!, (string)client["client_secret"]!);
    }

    public async Task DisposeAsync()
    {
        if (_node is null)
        {
            return;
        }

        _node.StandardInput.Close();
        if (!_node.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _node.Kill(entireProcessTree: true);
        }

        await _node.WaitForExitAsync();
        _node.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Roster.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository's root (Roster.slnx) was not found above the test assembly.");
    }
}
