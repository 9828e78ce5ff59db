using Roster.Directory.Operators;

namespace Roster.Server.Operators;

/// <summary>The operator behind an authenticated operator API request.</summary>
public static class OperatorHttpContextExtensions
{
    public static OperatorActor GetOperatorActor(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = Guid.Parse(context.User.FindFirst(OperatorKeyDefaults.KeyClaim)!.Value);
        var name = context.User.FindFirst(OperatorKeyDefaults.NameClaim)!.Value;
        return OperatorActor.ForKey(key, name);
    }
}
