namespace Roster.Bench.Scim;

/// <summary>One request's result: failures are values, so a misbehaving server never stops the run.</summary>
internal readonly record struct ScimResponse(ScimOutcome Outcome, int StatusCode, byte[] Body)
{
    public bool IsSuccess => Outcome == ScimOutcome.Responded && StatusCode is >= 200 and < 300;

    public static ScimResponse NotAnswered(ScimOutcome outcome)
    {
        return new ScimResponse(outcome, 0, []);
    }
}
