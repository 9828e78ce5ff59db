using Roster.Cli.Commands;

return await RosterCommandLine.Create().Parse(args).InvokeAsync();
