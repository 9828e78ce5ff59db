using System.CommandLine;
using System.CommandLine.Parsing;

namespace Roster.Bench.Cli;

/// <summary>Options that both <c>run</c> and <c>seed</c> take: where the server is and how hard to push it.</summary>
internal sealed class SharedOptions
{
    public Option<Uri> BaseUrl { get; } = new("--base-url")
    {
        Description = "SCIM base URL of one tenant, e.g. http://127.0.0.1:5000/scim/v2/{orgId}",
        HelpName = "url",
        Required = true,
        CustomParser = ParseHttpUrl,
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = "Bearer token for the SCIM API (roster_scim_...)",
        HelpName = "token",
        Required = true,
    };

    public Option<int> Users { get; } = CountOption.Create("--users", 10_000, 0, "Users to create");

    public Option<int> Concurrency { get; } = CountOption.Create("--concurrency", 8, 1, "Requests in flight at once");

    public Option<int> TimeoutSeconds { get; } = CountOption.Create("--timeout", 30, 1, "Seconds before one request counts as a timeout", "seconds");

    public Option<int> PhaseTimeoutSeconds { get; } = CountOption.Create(
        "--phase-timeout", 900, 1, "Seconds after which a phase stops sending and the run moves on (keeps a slow server from running for hours)", "seconds");

    public Option<int?> ServerPid { get; } = new("--server-pid")
    {
        HelpName = "pid",
        Description = "Server process id: poll /proc/{pid}/status (VmRSS, VmHWM) every 200 ms and report peak RSS (Linux only)",
    };

    public Option<string?> JsonPath { get; } = new("--json")
    {
        Description = "Also write every phase result to this JSON file",
        HelpName = "file",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(BaseUrl);
        command.Options.Add(Token);
        command.Options.Add(Users);
        command.Options.Add(Concurrency);
        command.Options.Add(TimeoutSeconds);
        command.Options.Add(PhaseTimeoutSeconds);
        command.Options.Add(ServerPid);
        command.Options.Add(JsonPath);
    }

    /// <summary>An absolute http(s) URL, or a parse error that names the option.</summary>
    internal static Uri? ParseHttpUrl(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        string option = result.Parent is OptionResult parent ? parent.Option.Name : "The URL";
        result.AddError($"{option} must be an absolute http(s) URL, not '{text}'.");
        return null;
    }
}
