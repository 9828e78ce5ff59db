using System.CommandLine;
using System.Globalization;
using Roster.Directory.Credentials;
using Roster.Server.OAuth;

namespace Roster.Cli.Commands;

/// <summary><c>roster keys rotate|list</c>: the OAuth server's keys, encrypted at rest with the key-encryption key.</summary>
public static class KeysCommand
{
    /// <summary>More than a node's default refresh (<c>Roster:Keys:RefreshSeconds</c>, 60): every node publishes the new key before any signs with it.</summary>
    public const int DefaultActivateInSeconds = 300;

    public static Command Create() => new("keys", "Rotate and list the OAuth server's signing keys.") { Rotate(), List() };

    private static Command Rotate()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var activateIn = new Option<int>("--activate-in")
        {
            Description = $"Seconds until the new key starts signing; until then every node publishes it in JWKS and the old key signs. " +
                $"Keep it above Roster:Keys:RefreshSeconds of every node. Default {DefaultActivateInSeconds}.",
            DefaultValueFactory = _ => DefaultActivateInSeconds,
        };
        activateIn.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 30 * 86400)
            {
                r.AddError("--activate-in must be between 0 and 2592000 seconds (30 days).");
            }
        });
        var command = new Command("rotate", "Add a new signing key; the old one stays published until the tokens it signed have expired.") { data, activateIn, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken, keys: true);
            var keys = services.GetRequiredService<ServerKeys>();
            var previous = keys.Load(OAuthServerSetup.KeyRetention).Signing(services.GetRequiredService<TimeProvider>().GetUtcNow());
            var rotated = await keys.RotateSigningKeyAsync(TimeSpan.FromSeconds(parse.GetValue(activateIn)), OAuthServerSetup.KeyRetention, cancellationToken);
            var retiredUntil = rotated.ActiveFrom + OAuthServerSetup.KeyRetention;
            if (parse.GetValue(json))
            {
                Output.Json(new { keyId = rotated.KeyId, activeFrom = rotated.ActiveFrom, replaces = previous.KeyId, replacedPublishedUntil = retiredUntil });
            }
            else
            {
                Console.WriteLine($"Signing key {rotated.KeyId} added, encrypted with key-encryption key {keys.KeyEncryptionKeyId}.");
                Console.WriteLine($"Nodes publish it within Roster:Keys:RefreshSeconds; it signs from {Time(rotated.ActiveFrom)}.");
                Console.WriteLine($"{previous.KeyId} stays published until {Time(retiredUntil)}, when the last token it signed has expired.");
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the OAuth server's keys (never their material) and what each does now.") { data, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken, keys: true);
            var keys = services.GetRequiredService<ServerKeys>();
            var ring = keys.Load(OAuthServerSetup.KeyRetention);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var signing = ring.Signing(now);
            var published = ring.PublishedSigningKeys(now).Select(k => k.KeyId).ToHashSet(StringComparer.Ordinal);
            var rows = ring.All.Select(k => new
            {
                keyId = k.KeyId,
                purpose = k.Purpose,
                created = k.Created,
                activeFrom = k.ActiveFrom,
                state = k.Purpose == ServerKeys.EncryptionPurpose ? "encrypting"
                    : k.KeyId == signing.KeyId ? "signing"
                    : k.ActiveFrom > now ? "published, signs later"
                    : published.Contains(k.KeyId) ? "published, replaced" : "expired",
            }).ToList();
            if (parse.GetValue(json))
            {
                Output.Json(new { keyEncryptionKey = keys.KeyEncryptionKeyId, keys = rows });
                return 0;
            }

            Console.WriteLine($"Encrypted with key-encryption key {keys.KeyEncryptionKeyId}.");
            foreach (var row in rows)
            {
                Console.WriteLine($"{row.keyId,-22} {row.purpose,-22} active from {Time(row.activeFrom)}  {row.state}");
            }

            return 0;
        });
        return command;
    }

    private static string Time(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
