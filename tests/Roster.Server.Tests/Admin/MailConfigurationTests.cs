using Microsoft.Extensions.Configuration;
using Roster.Server.Hosting;

namespace Roster.Server.Tests.Admin;

public sealed class MailConfigurationTests
{
    [Fact]
    public void Without_settings_mail_goes_to_a_pickup_folder_next_to_the_database()
    {
        var database = Path.Combine(Path.GetTempPath(), "roster-data", "roster.db");

        var options = MailConfiguration.Read(Configuration(), database);
        var fromConnectionString = MailConfiguration.Read(Configuration(), $"Data Source={database}");

        Assert.False(options.UsesSmtp);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "roster-data", "mail-pickup"), options.PickupFolder);
        Assert.Equal(options.PickupFolder, fromConnectionString.PickupFolder);
    }

    [Fact]
    public void Pickup_folder_and_smtp_come_from_roster_mail()
    {
        var folder = MailConfiguration.Read(Configuration(("Roster:Mail:PickupFolder", "/var/roster/mail")), "roster.db");
        var smtp = MailConfiguration.Read(
            Configuration(("Roster:Mail:Smtp:Host", "smtp.example.com"), ("Roster:Mail:Smtp:Port", "2525"), ("Roster:Mail:Smtp:UserName", "roster")),
            "roster.db");

        Assert.Equal("/var/roster/mail", folder.PickupFolder);
        Assert.True(smtp.UsesSmtp);
        Assert.Equal("smtp.example.com", smtp.SmtpHost);
        Assert.Equal(2525, smtp.SmtpPort);
        Assert.Equal("roster", smtp.UserName);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
