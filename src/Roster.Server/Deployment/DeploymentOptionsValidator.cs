using Microsoft.Extensions.Options;

namespace Roster.Server.Deployment;

/// <summary>
/// Checks <see cref="DeploymentOptions"/> at start-up, so a typo in a URL stops the node with a
/// message instead of showing administrators a base connector URL their IdP cannot reach.
/// </summary>
public sealed class DeploymentOptionsValidator : IValidateOptions<DeploymentOptions>
{
    public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{DeploymentOptions.SectionName}:Region must not be empty (default \"{DeploymentOptions.DefaultRegion}\").");
        }
        else if (options.Region.Length > 64 || !options.Region.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            failures.Add($"{DeploymentOptions.SectionName}:Region '{options.Region}' must be at most 64 letters, digits, '-', '_' or '.'.");
        }

        CheckUrl(failures, nameof(DeploymentOptions.PublicBaseUrl), options.PublicBaseUrl);
        CheckUrl(failures, nameof(DeploymentOptions.TokenEndpoint), options.TokenEndpoint);
        CheckUrl(failures, nameof(DeploymentOptions.AuthorizeEndpoint), options.AuthorizeEndpoint);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            failures.Add($"{DeploymentOptions.SectionName}:{key} '{value}' must be an absolute http or https URL without query or fragment.");
        }
    }
}
