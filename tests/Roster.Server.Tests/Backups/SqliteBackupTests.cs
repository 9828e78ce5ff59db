using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Cli;
using Roster.Server.Tests.Crashes;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Nodes;

namespace Roster.Server.Tests.Backups;

/// <summary>
/// <c>roster backup</c> while a real <c>roster serve</c> takes writes from several IdP connections:
/// the copy opens, passes <c>integrity_check</c>, is readable by its owner only and holds every
/// write acknowledged before the backup began. <c>roster restore</c> puts it into a new database
/// that serves, with the key file beside it, the same tenant and token.
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteBackupTests
{
    private const int Writers = 4;

    [SqliteFact]
    public async Task A_backup_under_write_load_holds_every_write_acknowledged_before_it_began_and_restores()
    {
        var live = System.IO.Directory.CreateTempSubdirectory("roster-backup-live-");
        var restoredFolder = System.IO.Directory.CreateTempSubdirectory("roster-backup-restored-");
        try
        {
            await using var node = await RosterNode.StartAsync("live", Environment(live.FullName));
            var orgId = node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
            var token = node.BannerValue("SCIM token:");

            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var acknowledged = new ConcurrentQueue<string>();
            var failures = new ConcurrentQueue<string>();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                using var scim = node.CreateClient(token, $"scim/v2/{orgId}/");
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var userName = $"w{w}-{n}@example.com";
                    using var created = await scim.PostAsync("Users", ScimHttp.Json(
                        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","displayName":"{{new string('x', 2000)}}"}"""), CancellationToken.None);
                    if (created.StatusCode != HttpStatusCode.Created)
                    {
                        failures.Enqueue($"{userName}: {(int)created.StatusCode}");
                        return;
                    }

                    acknowledged.Enqueue(userName);
                }
            })).ToList();

            while (acknowledged.Count < 100 && failures.IsEmpty)
            {
                await Task.Delay(10, stop.Token);
            }

            // Everything acknowledged so far must be in the copy; writes go on while it is taken.
            var before = acknowledged.ToList();
            var backupFile = Path.Combine(live.FullName, "backups", "roster-backup.db");
            var backup = await RosterProcess.RunAsync(Environment(live.FullName), "backup", "--to", backupFile, "--json");
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Empty(failures);
            Assert.Equal("ok", await IntegrityCheckAsync(backupFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backupFile));
            Assert.False(File.Exists(backupFile + "-wal"));
            var copied = await UserNamesAsync(backupFile);
            var missing = before.Where(u => !copied.Contains(u)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {before.Count} users acknowledged before the backup are not in it, e.g. {missing.FirstOrDefault()}");
            Assert.True(copied.Count <= acknowledged.Count + Writers, $"{copied.Count} users in the copy, {acknowledged.Count} acknowledged.");

            // Restored into a new database, beside its key file: it serves the same tenant and token.
            var restoredDatabase = Path.Combine(restoredFolder.FullName, "roster.db");
            var restore = await RosterProcess.RunAsync(Environment(restoredFolder.FullName), "restore", "--from", backupFile);
            Assert.True(restore.ExitCode == 0, restore.Error);
            File.Copy(Path.Combine(live.FullName, "roster.key"), Path.Combine(restoredFolder.FullName, "roster.key"));
            Assert.Equal(copied.Count, (await UserNamesAsync(restoredDatabase)).Count);
            await using var restored = await RosterNode.StartAsync("restored", Environment(restoredFolder.FullName));
            using var check = restored.CreateClient(token, $"scim/v2/{orgId}/");
            using var found = await check.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{before[^1]}\"")}");
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Equal(1, (int)(await found.ReadObjectAsync())["totalResults"]!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            live.Delete(recursive: true);
            restoredFolder.Delete(recursive: true);
        }
    }

    [SqliteFact]
    public async Task A_damaged_backup_is_not_restored_and_the_database_is_left_as_it_was()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-backup-damaged-");
        try
        {
            var init = await RosterProcess.RunAsync(Environment(folder.FullName), "init", "--json");
            Assert.True(init.ExitCode == 0, init.Error);
            var damaged = Path.Combine(folder.FullName, "damaged.db");
            await File.WriteAllBytesAsync(damaged, [.. "SQLite format 3\0"u8, .. new byte[4096]]);

            var restore = await RosterProcess.RunAsync(Environment(folder.FullName), "restore", "--from", damaged);

            Assert.Equal(2, restore.ExitCode);
            Assert.Contains("integrity check", restore.Error, StringComparison.Ordinal);
            Assert.Equal("ok", await IntegrityCheckAsync(Path.Combine(folder.FullName, "roster.db")));
            var tenants = await RosterProcess.RunAsync(Environment(folder.FullName), "tenants", "list", "--json");
            Assert.Contains("orgId", tenants.Output, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Environment(string folder) => new()
    {
        ["Storage__Provider"] = "sqlite",
        ["Storage__ConnectionString"] = Path.Combine(folder, "roster.db"),
        ["Roster__Mail__PickupFolder"] = Path.Combine(folder, "mail"),
        ["Roster__RateLimits__Enabled"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static async Task<string> IntegrityCheckAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HashSet<string>> UserNamesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name FROM users";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
