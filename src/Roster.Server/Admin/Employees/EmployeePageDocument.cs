namespace Roster.Server.Admin.Employees;

/// <summary>A page of employees and how many match in all.</summary>
public sealed record EmployeePageDocument(IReadOnlyList<EmployeeProfileDocument> Employees, int TotalCount, int Page, int PageSize);
