using Roster.Directory.Administration;

namespace Roster.Cli.Commands;

/// <summary>The actor of operator commands: no employee profile, client "cli", no permission checks.</summary>
public static class CliActor
{
    public const string Client = "cli";

    public static AdminActor For(Guid tenantId) => AdminActor.Operator(tenantId);
}
