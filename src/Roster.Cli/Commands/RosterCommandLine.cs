using System.CommandLine;

namespace Roster.Cli.Commands;

/// <summary>The <c>roster</c> command and its sub-commands.</summary>
public static class RosterCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Roster: a multi-tenant SCIM 2.0 provisioning server.")
        {
            ServeCommand.Create(),
            InitCommand.Create(),
            AdminLinkCommand.Create(),
            MigrateCommand.Create(),
            TenantsCommand.Create(),
            TokensCommand.Create(),
            OperatorKeysCommand.Create(),
            RolesCommand.Create(),
            RoleRulesCommand.Create(),
            ScimSettingsCommand.Create(),
            SchemaExtensionsCommand.Create(),
            DomainsCommand.Create(),
            SsoCommand.Create(),
            AuditCommand.Create(),
            EmployeesCommand.Create(),
            AccessKeysCommand.Create(),
            AppsCommand.Create(),
            KeysCommand.Create(),
            BackupCommand.CreateBackup(),
            BackupCommand.CreateRestore(),
            ConfigCommand.Create(),
            WebhooksCommand.Create(),
            EventsCommand.Create(),
        };
        return root;
    }
}
