using System.CommandLine;

using Roster.Bench.Running;

namespace Roster.Bench.Cli;

/// <summary><c>roster-bench run</c>: the IdP-like sync cycle, phase by phase.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        SharedOptions shared = new();
        Option<int> groups = CountOption.Create("--groups", 10, 0, "Groups to create");
        Option<int> lookups = CountOption.Create("--lookups", 20_000, 0, "userName eq lookups to send, and as many GETs by id");
        Option<int> bigGroupMembers = CountOption.Create("--big-group-members", 100_000, 1, "Members to fill the big group with");
        Option<int> seededUsers = CountOption.Create(
            "--seeded-users", 0, 0, "Users seed-0@example.com .. seed-(N-1)@example.com already in the tenant (bench/seed.sh): lookup and bigmember use them and seed-big-group instead of creating their own");
        Option<IReadOnlyList<BenchPhase>?> phases = PhaseListOption.Create();
        Option<Uri?> adminUrl = new("--admin-url") { Description = "rolemap: Roster's admin API of the tenant, {publicBaseUrl}/api/v1/orgs/{orgId}", HelpName = "url", CustomParser = SharedOptions.ParseHttpUrl };
        Option<string?> adminUser = new("--admin-user") { Description = "rolemap: the email of an employee holding every permission" };
        Option<string?> adminPassword = new("--admin-password") { Description = "rolemap: that employee's password" };

        Command command = new("run", "Run the benchmark phases against a running SCIM server.");
        shared.AddTo(command);
        command.Options.Add(groups);
        command.Options.Add(lookups);
        command.Options.Add(phases);
        command.Options.Add(bigGroupMembers);
        command.Options.Add(seededUsers);
        command.Options.Add(adminUrl);
        command.Options.Add(adminUser);
        command.Options.Add(adminPassword);

        command.SetAction((parsed, cancellationToken) =>
        {
            BenchSettings settings = new()
            {
                Mode = BenchMode.Run,
                BaseUrl = parsed.GetRequiredValue(shared.BaseUrl),
                Token = parsed.GetRequiredValue(shared.Token),
                Users = parsed.GetValue(shared.Users),
                Concurrency = parsed.GetValue(shared.Concurrency),
                RequestTimeout = TimeSpan.FromSeconds(parsed.GetValue(shared.TimeoutSeconds)),
                PhaseTimeout = TimeSpan.FromSeconds(parsed.GetValue(shared.PhaseTimeoutSeconds)),
                ServerPid = parsed.GetValue(shared.ServerPid),
                JsonPath = parsed.GetValue(shared.JsonPath),
                Groups = parsed.GetValue(groups),
                Lookups = parsed.GetValue(lookups),
                Phases = parsed.GetValue(phases) ?? PhaseListOption.AllPhases,
                BigGroupMembers = parsed.GetValue(bigGroupMembers),
                SeededUsers = parsed.GetValue(seededUsers),
                AdminUrl = parsed.GetValue(adminUrl),
                AdminUser = parsed.GetValue(adminUser),
                AdminPassword = parsed.GetValue(adminPassword),
            };
            return BenchRun.ExecuteAsync(settings, CommandLineText.Redacted(parsed.Tokens), Console.Out, cancellationToken);
        });
        return command;
    }
}
