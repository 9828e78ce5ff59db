using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Employees;

namespace Roster.Console.Tests.Employees;

/// <summary>CXone "Employees": create a profile for an access key, clear its billing, invite, activate from the email, sign in.</summary>
public sealed class EmployeesTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task Created_employee_is_invited_activates_from_the_emailed_link_and_signs_in()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);
        var email = $"scim-accesskey-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        Open("console/security/roles/new");
        Browser.Type("Name", "SCIM access key");
        Browser.Check("Create and edit employee profiles");
        Browser.Click("Save and activate");
        Browser.Sees("saved and active");

        Browser.Click("Employees");
        Browser.Click("Create employee");
        Browser.Type("Email", email);
        Browser.Type("First name", "SCIM");
        Browser.Type("Last name", "AccessKey");
        Browser.Select("Primary role", "SCIM access key");
        Browser.Check("Billable", on: false);
        Browser.Click("Create");
        Browser.Sees($"Employee {email} created.");
        Browser.Find(By.CssSelector($"button[aria-label='Invite {email}']")).Click();
        Browser.Sees($"Invitation sent to {email}");

        var link = PickupMail.ActivationLink(PickupMail.LastTo(Server.MailFolder, email));
        SignOut();
        Browser.GoTo(link);
        Browser.Type("New password", "a long enough password");
        Browser.Type("Repeat the password", "a long enough password");
        Browser.Click("Activate");
        Browser.Sees($"Your account {email} is active.");
        Browser.ClickToLoad("Sign in");
        SignIn(email, "a long enough password");

        Browser.Sees("Employees");
        Open("console/employees?search=" + Uri.EscapeDataString(email));
        Browser.Sees("SCIM access key");
        Browser.Sees("Active");
    }

    [Fact]
    public async Task Billing_attributes_of_a_profile_can_be_cleared()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);
        Open("console/employees/new");
        Browser.Type("Email", "billed@example.com");
        Browser.Type("First name", "Bill");
        Browser.Type("Last name", "Able");
        Browser.Type("Licenses", "ACD, WFM");
        Browser.Click("Create");
        Browser.Sees("Employee billed@example.com created.");
        Browser.Click("Bill Able");
        Browser.Sees("licenses: ACD, WFM");

        Browser.ClickAndConfirm("Clear billing attributes");

        Browser.Sees("is no longer billed and holds no license");
        Browser.Sees("Not billable; no license");
    }

    [Fact]
    public async Task A_missing_first_name_is_shown_next_to_the_field()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);
        Open("console/employees/new");
        Browser.Type("Email", "nameless@example.com");
        Browser.Type("Last name", "Nobody");
        Browser.Click("Create");

        Assert.Contains("first name", Browser.ErrorFor("FirstName"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_employee_is_unblocked_from_the_table_even_while_scim_is_on()
    {
        var tenant = await Server.CreateTenantAsync(Roster.Directory.Roles.Permission.All.Select(p => p.Key).ToArray());
        var locked = await Server.AddEmployeeAsync(tenant.OrgId, "audit.view");
        var signIn = Server.Services.GetRequiredService<SignInEmployee>();
        await Server.LockAsync(tenant.OrgId, locked);

        SignIn(tenant.AdminEmail);
        Open("console/employees?status=Locked");
        Browser.Sees("SCIM provisioning is on");
        Browser.Find(By.CssSelector($"button[aria-label='Unblock {locked}']")).Click();

        Browser.Sees($"{locked} is unblocked and can sign in again.");
        Assert.True((await signIn.ExecuteAsync(tenant.OrgId, locked, ConsoleServerFixture.Password, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task The_employee_table_pages()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);
        var create = Server.Services.GetRequiredService<CreateEmployee>();
        for (var i = 0; i < 26; i++)
        {
            var made = await create.ExecuteAsync(Roster.Directory.Administration.AdminActor.Operator(tenant.OrgId), new EmployeeDraft($"person{i:D2}@example.com", "Person", $"{i:D2}"), CancellationToken.None);
            Assert.True(made.IsSuccess, made.Error?.Detail);
        }

        Open("console/employees");
        Browser.Sees("Page 1 of 2 (27 employees)");
        Browser.Click("Next");

        Browser.Sees("Page 2 of 2");
        Assert.Equal(2, Browser.Driver.FindElements(By.CssSelector("tbody tr")).Count);
    }

    [Fact]
    public async Task While_scim_is_on_a_credential_only_profile_is_created_for_access_keys_and_stays_editable()
    {
        // CXone's step "create a profile to hold the access keys", with SCIM on (the default).
        await SignInToNewTenantAsync();
        Open("console/employees");
        Assert.Empty(Browser.Driver.FindElements(By.LinkText("Create employee")));
        Browser.ClickToLoad("Create credential-only profile");

        Assert.Equal("Create credential-only profile", Browser.Heading);
        Assert.Empty(Browser.Driver.FindElements(By.Id("Billable")));
        Browser.Type("Email", "scim-keys@example.com");
        Browser.Type("First name", "SCIM");
        Browser.Type("Last name", "Access keys");
        Browser.ClickToLoad("Create");
        Browser.Sees("Employee scim-keys@example.com created.");

        Browser.ClickToLoad("SCIM Access keys");
        Assert.True(Browser.Find(By.XPath("//form//button[normalize-space(.)='Save']")).Enabled);
        Browser.Type("Last name", "Keys");
        Browser.ClickToLoad("Save");
        Assert.Empty(Browser.Driver.FindElements(By.Id("owned-by-scim")));
        Assert.Empty(Browser.Driver.FindElements(By.CssSelector(".errors li")));
    }

    [Fact]
    public async Task While_scim_is_on_a_provisioned_profile_offers_no_save_or_delete_that_would_be_refused()
    {
        var tenant = await SignInToNewTenantAsync();
        Open("console/employees?search=" + Uri.EscapeDataString(tenant.AdminEmail));
        Browser.Find(By.CssSelector("#main table tbody tr td a")).Click();
        Browser.Sees("SCIM provisioning is on: your identity provider manages this profile");

        foreach (var name in new[] { "Save", "Delete", "Clear billing attributes" })
        {
            var button = Browser.Find(By.XPath($"//button[normalize-space(.)='{name}']"));
            Assert.False(button.Enabled, $"{name} is offered although the server would refuse it.");
            Assert.Equal("owned-by-scim", button.GetAttribute("aria-describedby"));
        }

        Assert.NotEmpty(Browser.Driver.FindElements(By.CssSelector("#owned-by-scim a[href='/console/security/login/scim']")));
    }
}
