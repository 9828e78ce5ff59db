using System.Reflection;
using Microsoft.Extensions.Options;
using Roster.Server.Deployment;
using Roster.Server.Telemetry;

namespace Roster.Server.Settings;

/// <summary>
/// Checks every setting of a configuration at once, before anything is built from it: each
/// options class of <see cref="RosterSettings.Sections"/> is bound (a value of the wrong type is
/// named by the binder) and validated (<see cref="SectionValidator{TOptions}"/> and the classes'
/// own validators). <c>roster serve</c> stops on the first start with all the lines;
/// <c>roster config check</c> prints them.
/// </summary>
public static class SettingsCheck
{
    private static readonly MethodInfo CheckSection = typeof(SettingsCheck).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var services = new ServiceCollection();
        services.AddSingleton<IValidateOptions<DeploymentOptions>, DeploymentOptionsValidator>();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddSingleton<IValidateOptions<Security.TransportSecurityOptions>, Security.TransportSecurityOptionsValidator>();
        foreach (var (section, type) in RosterSettings.Sections)
        {
            typeof(RosterSettings).GetMethod(nameof(RosterSettings.AddRosterOptions))!.MakeGenericMethod(type).Invoke(null, [services, configuration, section]);
        }

        using var provider = services.BuildServiceProvider();
        return [.. RosterSettings.Sections.SelectMany(s => (IEnumerable<string>)CheckSection.MakeGenericMethod(s.Options).Invoke(null, [provider])!)];
    }

    /// <summary>Throws a <see cref="SettingException"/> with every problem, one a line, if there is any.</summary>
    public static void ThrowIfAny(IConfiguration configuration)
    {
        var problems = Problems(configuration);
        if (problems.Count > 0)
        {
            throw new SettingException(string.Join(Environment.NewLine, problems));
        }
    }

    private static IEnumerable<string> Check<TOptions>(IServiceProvider services)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException invalid)
        {
            return invalid.Failures;
        }
        catch (InvalidOperationException binding)
        {
            // The binder's own words name the setting: "Failed to convert configuration value 'abc' at 'Roster:Shutdown:DrainSeconds' to type 'System.Int32'."
            return [binding.Message];
        }
    }
}
