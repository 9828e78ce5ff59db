using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Authentication;

public sealed class ActivationTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public void A_link_that_is_not_valid_says_to_ask_for_a_new_invitation()
    {
        // The token rides in the fragment, as in the emails: the page's script hands it to the form.
        Open("activate#token=" + Uri.EscapeDataString("00000000000000000000000000000000.not-a-token"));
        Browser.Type("New password", "a long enough password");
        Browser.Type("Repeat the password", "a long enough password");
        Browser.Click("Activate");

        Browser.Sees("ask an administrator to send a new invitation");
    }

    [Fact]
    public void Two_different_passwords_are_refused_next_to_the_field()
    {
        // A link with the token in its query, as older invitations had, still works.
        Open("activate?token=anything");
        Browser.Type("New password", "a long enough password");
        Browser.Type("Repeat the password", "another long password");
        Browser.Click("Activate");

        Assert.Equal("The two passwords are not the same.", Browser.ErrorFor("Confirmation"));
    }
}
