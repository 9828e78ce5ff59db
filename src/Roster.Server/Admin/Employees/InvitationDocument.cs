using Roster.Directory.Employees;

namespace Roster.Server.Admin.Employees;

/// <summary>An invitation just sent; the activation link is only in the email.</summary>
public sealed record InvitationDocument(Guid EmployeeId, string Email, DateTimeOffset Expires)
{
    public static InvitationDocument From(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return new(invitation.EmployeeId, invitation.Email, invitation.Expires);
    }
}
