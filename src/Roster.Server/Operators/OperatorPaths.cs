namespace Roster.Server.Operators;

/// <summary>Where the operator API lives: beside the admin API, outside every organization's URLs.</summary>
public static class OperatorPaths
{
    public const string Root = "/api/v1/operator";

    public static bool IsOperator(PathString path) => path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);
}
