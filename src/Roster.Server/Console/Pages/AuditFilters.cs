using System.Reflection;
using Roster.Directory.Audit;
using Roster.Directory.Employees;

namespace Roster.Server.Console.Pages;

/// <summary>The choices of the audit log's filters, read from the directory's own constants so a new action shows up by itself.</summary>
public static class AuditFilters
{
    public static IReadOnlyList<string> Actions { get; } = ConstantsOf(typeof(AuditActions));

    public static IReadOnlyList<string> ResourceTypes { get; } = ConstantsOf(typeof(AuditResourceTypes));

    /// <summary>The clients Roster itself writes; identity providers add their own names (Okta, Entra ID, ...).</summary>
    public static IReadOnlyList<string> KnownClients { get; } =
        [ConsoleAuthentication.Client, Admin.Authentication.AdminBasicDefaults.Client, "cli", SignInEmployee.Client, ActivateEmployee.Client, UnlockByLink.Client, "Okta", "Entra ID", "other"];

    private static string[] ConstantsOf(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal)];
}
