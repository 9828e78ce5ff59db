using System.CommandLine;
using System.Text.Json;
using Roster.Directory.Administration;
using Roster.Directory.SchemaExtensions;
using Roster.Scim.Schemas;
using Roster.Server.Admin.SchemaExtensions;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster schema-extensions list|show|create|update|delete</c>: a tenant's own SCIM schema
/// extensions, as the operator. Definitions are files in the admin API's shape
/// (<c>{"resourceType", "required", "schema"}</c>, or what <c>show --json</c> prints), so they can
/// live in version control; the admin API's use cases validate and audit them.
/// </summary>
public static class SchemaExtensionsCommand
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    public static Command Create() => new("schema-extensions", "Define a tenant's own SCIM schema extensions of User or Group.")
    {
        ListCommand(), ShowCommand(), CreateCommand(), UpdateCommand(), DeleteCommand(),
    };

    private static Argument<string> UrnArgument() => new("URN") { Description = "The extension's URN, e.g. urn:example:acme:scim:2.0:User." };

    private static Option<string> FileOption() => new("--file")
    {
        Description = "The definition as the admin API takes it: {\"resourceType\": \"User\", \"required\": false, \"schema\": {...}}; '-' reads standard input.",
        Required = true,
    };

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var command = new Command("list", "The tenant's extensions, by URN.") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var extensions = await services.GetRequiredService<ListSchemaExtensions>().ExecuteAsync(orgId, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(extensions.Select(SchemaExtensionDocument.From));
                return 0;
            }

            foreach (var extension in extensions)
            {
                Console.WriteLine($"{extension.Urn}  {extension.ResourceType}  {extension.Schema.Attributes.Count} attributes{(extension.Required ? "  required" : "")}  version {extension.Version}");
            }

            return 0;
        });
        return command;
    }

    private static Command ShowCommand()
    {
        var (data, tenant, json, urn) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), UrnArgument());
        var command = new Command("show", "One extension and its attributes; with --json, a definition 'update --file' takes back.") { urn, data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var found = await services.GetRequiredService<ListSchemaExtensions>().FindAsync(orgId, parse.GetValue(urn)!, cancellationToken);
            return found.IsSuccess ? Print(found.Value, parse.GetValue(json)) : await CliErrors.ReportAsync(found.Error);
        });
        return command;
    }

    private static Command CreateCommand()
    {
        var (data, tenant, json, file) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), FileOption());
        var command = new Command("create", "Define an extension; SCIM clients see it at their next request.") { data, tenant, file, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var request = await ReadAsync(parse.GetValue(file)!, cancellationToken);
            if (!request.IsSuccess)
            {
                return await CliErrors.ReportAsync(request.Error);
            }

            var result = await services.GetRequiredService<DefineSchemaExtension>().ExecuteAsync(CliActor.For(orgId), request.Value.ToDraft(), cancellationToken);
            return result.IsSuccess ? Print(result.Value, parse.GetValue(json)) : await CliErrors.ReportAsync(result.Error);
        });
        return command;
    }

    private static Command UpdateCommand()
    {
        var (data, tenant, json, file, urn) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), FileOption(), UrnArgument());
        var command = new Command("update", "Replace an extension's definition (same URN and resource type); refused while stored values would lose their meaning.")
        {
            urn, data, tenant, file, json,
        };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var found = await services.GetRequiredService<ListSchemaExtensions>().FindAsync(orgId, parse.GetValue(urn)!, cancellationToken);
            if (!found.IsSuccess)
            {
                return await CliErrors.ReportAsync(found.Error);
            }

            var request = await ReadAsync(parse.GetValue(file)!, cancellationToken);
            if (!request.IsSuccess)
            {
                return await CliErrors.ReportAsync(request.Error);
            }

            var result = await services.GetRequiredService<ChangeSchemaExtension>().UpdateAsync(CliActor.For(orgId), found.Value.Id, request.Value.ToDraft(), cancellationToken);
            return result.IsSuccess ? Print(result.Value, parse.GetValue(json)) : await CliErrors.ReportAsync(result.Error);
        });
        return command;
    }

    private static Command DeleteCommand()
    {
        var (data, tenant, urn) = (CommonOptions.Data(), CommonOptions.Tenant(), UrnArgument());
        var command = new Command("delete", "Delete an extension; refused while any user or group holds values under its URN.") { urn, data, tenant };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var found = await services.GetRequiredService<ListSchemaExtensions>().FindAsync(orgId, parse.GetValue(urn)!, cancellationToken);
            if (!found.IsSuccess)
            {
                return await CliErrors.ReportAsync(found.Error);
            }

            var result = await services.GetRequiredService<ChangeSchemaExtension>().DeleteAsync(CliActor.For(orgId), found.Value.Id, cancellationToken);
            return result.IsSuccess ? 0 : await CliErrors.ReportAsync(result.Error);
        });
        return command;
    }

    /// <summary>The definition file (or standard input), read as the admin API reads its body.</summary>
    private static async Task<AdminResult<SchemaExtensionRequest>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return AdminError.Validation($"Cannot read '{path}': {e.Message}");
        }

        try
        {
            return JsonSerializer.Deserialize<SchemaExtensionRequest>(text, ReadOptions) is { } request
                ? request
                : AdminError.Validation($"'{path}' holds null, not a definition {{\"resourceType\", \"required\", \"schema\"}}.");
        }
        catch (JsonException e)
        {
            return AdminError.Validation($"'{path}' is not a definition {{\"resourceType\", \"required\", \"schema\"}} in JSON: {e.Message}");
        }
    }

    private static int Print(SchemaExtension extension, bool json)
    {
        if (json)
        {
            Output.Json(SchemaExtensionDocument.From(extension));
            return 0;
        }

        Console.WriteLine($"{extension.Urn} extends {extension.ResourceType}{(extension.Required ? " (required)" : "")}, version {extension.Version}:");
        foreach (var attribute in extension.Schema.Attributes)
        {
            Console.WriteLine($"  {attribute.Name}  {TypeName(attribute.Type)}{(attribute.MultiValued ? "[]" : "")}{(attribute.Required ? "  required" : "")}");
            foreach (var sub in attribute.SubAttributes)
            {
                Console.WriteLine($"    {attribute.Name}.{sub.Name}  {TypeName(sub.Type)}{(sub.MultiValued ? "[]" : "")}{(sub.Required ? "  required" : "")}");
            }
        }

        return 0;
    }

    // As RFC 7643 spells the type ("dateTime"), the way the definition file writes it.
    private static string TypeName(AttributeType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());
}
