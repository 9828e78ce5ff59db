using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Roster.Directory.Employees;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Employees;

public sealed class EmployeeMigrationTests
{
    [SqliteFact]
    public async Task Users_stored_before_employee_profiles_become_active_or_deactivated_profiles()
    {
        await using var directory = await TestDirectory.CreateAsync(migrate: false);
        await using (var context = directory.Database.CreateContext(Guid.Empty))
        {
            await context.GetService<IMigrator>().MigrateAsync("TenantAdministration");
        }

        var tenant = Guid.NewGuid();
        var (enabled, disabled) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = new SqliteConnection($"Data Source={directory.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "INSERT INTO tenants (id, name, created) VALUES ($t, 'Old', '2025-01-01T00:00:00.000Z');" +
                "INSERT INTO users (tenant_id, id, user_name, user_name_key, active, created, last_modified, version, document) VALUES " +
                "($t, $a, 'on', 'on', 1, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 1, '{\"userName\":\"on\",\"active\":true}')," +
                "($t, $b, 'off', 'off', 0, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 1, '{\"userName\":\"off\",\"active\":false}');";
            command.Parameters.AddWithValue("$t", tenant.ToByteArray(bigEndian: true));
            command.Parameters.AddWithValue("$a", enabled.ToByteArray(bigEndian: true));
            command.Parameters.AddWithValue("$b", disabled.ToByteArray(bigEndian: true));
            await command.ExecuteNonQueryAsync();
        }

        await directory.Database.MigrateAsync(CancellationToken.None);

        var get = directory.Get<GetEmployee>();
        var on = (await get.ExecuteAsync(tenant, enabled, CancellationToken.None)).Ok();
        var off = (await get.ExecuteAsync(tenant, disabled, CancellationToken.None)).Ok();
        Assert.Equal(EmployeeStatus.Active, on.Status);
        Assert.Equal(EmployeeStatus.Deactivated, off.Status);
        Assert.Equal(BillingAttributes.Default, on.Billing);
        Assert.Equal("password", on.LoginAuthenticator);
        Assert.Equal(EmployeeStatus.Deactivated, (await directory.Get<ListEmployees>().ExecuteAsync(tenant, EmployeeStatus.Deactivated, null, 1, CancellationToken.None)).Ok().Employees.Single().Status);
    }
}
